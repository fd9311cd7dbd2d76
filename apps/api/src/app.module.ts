import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ClockModule } from './common/clock/clock.module';
import { RequestTransactionModule } from './common/transactions/request-transaction.module';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { AccessGuard } from './common/guards/access.guard';
import { loggerOptions } from './common/http/logger.options';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import type { DatabaseUrls } from './database/database-urls';
import { ENTITIES } from './database/entities';
import { BootstrapService } from './database/seeds/bootstrap.service';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MailModule } from './modules/mail/mail.module';
import { StaffModule } from './modules/staff/staff.module';
import { AlertRulesModule } from './modules/alert-rules/alert-rules.module';
import { BudgetsModule } from './modules/budgets/budgets.module';
import { CloudAccountsModule } from './modules/cloud-accounts/cloud-accounts.module';
import { CostsModule } from './modules/costs/costs.module';
import { InsightsModule } from './modules/insights/insights.module';
import { MembersModule } from './modules/members/members.module';
import { OrgsModule } from './modules/orgs/orgs.module';
import { SignupModule } from './modules/signup/signup.module';
import { TelemetryModule } from './modules/telemetry/telemetry.module';
import { ImpersonationModule } from './modules/impersonation/impersonation.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { TenantOrgModule } from './modules/tenant-org/tenant-org.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { TenantsHealthModule } from './modules/tenants-health/tenants-health.module';
import { ReadDatabaseModule } from './database/read-database';

/** Wiring only: global guard, filter and pipe, and the feature modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrls: DatabaseUrls, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, databaseUrls),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrls.appUrl,
          entities: ENTITIES,
          synchronize: false,
          migrationsRun: false,
          extra: { max: config.databasePoolSize },
        }),
        ClsModule.forRoot({
          global: true,
          middleware: { mount: true },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        ReadDatabaseModule,
        DiscoveryModule,
        ClockModule,
        RequestTransactionModule,
        JobsModule,
        MailModule.forRoot(config),
        IdempotencyModule,
        AuditModule,
        AuthModule,
        StaffModule,
        HealthModule,
        OrgsModule,
        TenantOrgModule,
        MembersModule,
        SignupModule,
        CloudAccountsModule,
        CostsModule,
        InsightsModule,
        BudgetsModule,
        AlertRulesModule,
        TelemetryModule,
        TenantsHealthModule,
        SessionsModule,
        ImpersonationModule,
        ApiKeysModule,
        WebhooksModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            forbidUnknownValues: true,
            transform: true,
            validationError: { target: false, value: false },
          }),
        },
        BootstrapService,
      ],
    };
  }
}
