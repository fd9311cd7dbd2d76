import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HealthModule } from '../health/health.module';
import { AuditInterceptor } from './audit.interceptor';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditKeysController } from './audit-keys.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditRetentionService } from './audit-retention.service';
import { AuditSealerService } from './audit-sealer.service';
import { AuditService } from './audit.service';
import { AuditVerifierService } from './audit-verifier.service';
import { OrgAuditController } from './org-audit.controller';
import { PlatformAuditController } from './platform-audit.controller';
import { ReadSummaryService } from './read-summary.service';

@Global()
@Module({
  imports: [HealthModule],
  controllers: [PlatformAuditController, OrgAuditController, AuditKeysController],
  providers: [
    AuditService,
    AuditQueryService,
    AuditRetentionService,
    AuditSealerService,
    AuditCheckpointService,
    AuditVerifierService,
    ReadSummaryService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService, AuditSealerService, AuditCheckpointService, AuditVerifierService, AuditRetentionService, ReadSummaryService],
})
export class AuditModule {}
