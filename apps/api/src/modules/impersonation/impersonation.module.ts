import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AccessLogMiddleware } from './access-log.middleware';
import { AccessLogService } from './access-log.service';
import { MintRateGuard } from './mint-rate.guard';
import { SupportSessionsController, TenantSupportSessionsController } from './support-sessions.controller';
import { SupportSessionsService } from './support-sessions.service';

/** Support (impersonation) sessions: minting, the token's checks live in auth, the access log, expiry (SPEC §6). */
@Module({
  controllers: [SupportSessionsController, TenantSupportSessionsController],
  providers: [SupportSessionsService, AccessLogService, MintRateGuard],
  exports: [SupportSessionsService],
})
export class ImpersonationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessLogMiddleware).forRoutes('*path');
  }
}
