import { Module } from '@nestjs/common';
import { TenantOrgController } from './tenant-org.controller';
import { TenantOrgService } from './tenant-org.service';

@Module({ controllers: [TenantOrgController], providers: [TenantOrgService] })
export class TenantOrgModule {}
