import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig, type AppConfig } from './config/app-config';
import { ConfigurationError } from './config/environment';
import { isDatabaseUnavailable } from './database/database-unavailable';
import { assertNoPendingMigrations, migrateDatabase, PendingMigrationsError } from './database/migrate';
import { resolveDatabase } from './database/resolve-database';
import { BootstrapService, type BootstrapReport } from './database/seeds/bootstrap.service';
import { DEMO_TENANT_PASSWORD } from './database/seeds/demo-seed';
import { TenantsHealthService } from './modules/tenants-health/tenants-health.service';

// pg-boss 10 does not await the writes that complete or fail a job (manager.js `work`): during a database outage they
// reject unhandled, which would end the process. The job stays active until it expires, then runs again. Any other
// unhandled rejection still ends the process.
process.on('unhandledRejection', (reason) => {
  if (!isDatabaseUnavailable(reason)) throw reason;
  Logger.warn(`Database unavailable: ${reason instanceof Error ? reason.message : String(reason)}`, 'JobQueue');
});

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`Keel cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = await resolveDatabase(config);
  // Without migrating, the API only reads the schema history: it needs no owner credentials.
  if (config.migrateOnStart) await migrateDatabase(database.urls.ownerUrl, database.urls.appUrl, database.urls.jobSchema);
  else await assertNoPendingMigrations(database.urls.appUrl);
  const app = await createApp(config, database.urls);
  const report = await app.get(BootstrapService).run();
  // The demo's tenants get their health now, not at the first scheduled run a minute later.
  if (report.demoLogins.length > 0) await app.get(TenantsHealthService).refresh();
  await app.listen(config.port, config.host);
  printBanner(config, report, database.embedded);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal} received: finishing in-flight requests`, 'Shutdown');
    // Stop accepting connections and let in-flight requests finish before app.close(), which flushes the metering
    // and access-log buffers and then closes the database pool: Nest would close the server only after that flush.
    await new Promise<void>((resolve) => app.getHttpServer().close(() => resolve()));
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

function printBanner(config: AppConfig, report: BootstrapReport, embedded: boolean): void {
  const lines = [`Keel is running at ${config.publicUrl} (${config.mode} mode${embedded ? ', embedded PostgreSQL' : ''})`, `API documentation: ${config.publicUrl}/api/docs`];
  if (report.generatedAdmin) {
    lines.push('', 'Staff sign-in (shown once; set BOOTSTRAP_ADMIN_EMAIL/PASSWORD to choose your own):', `  ${report.generatedAdmin.email} / ${report.generatedAdmin.password}`);
  }
  if (config.mode === 'demo' && report.demoLogins.length > 0) {
    lines.push('', `Demo tenant sign-ins at ${config.publicUrl}/login (password: ${DEMO_TENANT_PASSWORD}, shared by every active demo user):`);
    for (const login of report.demoLogins) lines.push(`  ${login.email}  ${login.role} of ${login.organization}`);
  }
  if (config.usesOutbox) lines.push('', 'Mail is kept in the outbox: GET /api/v1/platform/dev/outbox (set SMTP_URL to send it)');
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof PendingMigrationsError) {
    process.stderr.write(`Keel cannot start: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`Keel failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
