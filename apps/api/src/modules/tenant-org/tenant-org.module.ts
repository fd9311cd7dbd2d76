import { Module } from '@nestjs/common';
import { ImpersonationModule } from '../impersonation/impersonation.module';
import { TenantOrgController } from './tenant-org.controller';
import { TenantOrgService } from './tenant-org.service';

@Module({ imports: [ImpersonationModule], controllers: [TenantOrgController], providers: [TenantOrgService] })
export class TenantOrgModule {}
