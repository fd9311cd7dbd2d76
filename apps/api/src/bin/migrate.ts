import 'reflect-metadata';
import { loadMigrationUrls } from '../config/app-config';
import { ConfigurationError } from '../config/environment';
import { migrateDatabase } from '../database/migrate';

/**
 * The one-shot migration (a release step, the compose service `migrate`): brings the schema up to date
 * as the migration owner (MIGRATION_DATABASE_URL) and grants the application role (DATABASE_URL) what it
 * needs. API replicas started with MIGRATE_ON_START=false refuse to start until it has run.
 */
export async function runMigration(source?: Record<string, string | undefined>): Promise<{ ok: boolean; message: string }> {
  try {
    const urls = loadMigrationUrls(source);
    const { applied } = await migrateDatabase(urls.ownerUrl, urls.appUrl, urls.jobSchema);
    const message = applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : 'The schema is up to date: no migration to apply.';
    return { ok: true, message };
  } catch (error) {
    if (error instanceof ConfigurationError) return { ok: false, message: `Cannot migrate: ${error.message}` };
    // PostgreSQL's own words (refused connection, failed authentication, a failing statement); never the URLs, which hold passwords.
    return { ok: false, message: `Migration failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

if (require.main === module) {
  void runMigration().then(({ ok, message }) => {
    (ok ? process.stdout : process.stderr).write(`${message}\n`);
    process.exit(ok ? 0 : 1);
  });
}
