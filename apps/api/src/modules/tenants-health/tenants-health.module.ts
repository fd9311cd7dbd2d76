import { Module } from '@nestjs/common';
import { TenantsHealthController } from './tenants-health.controller';
import { TenantsHealthService } from './tenants-health.service';

@Module({ controllers: [TenantsHealthController], providers: [TenantsHealthService], exports: [TenantsHealthService] })
export class TenantsHealthModule {}
