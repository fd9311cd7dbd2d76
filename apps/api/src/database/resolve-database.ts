import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { DatabaseUrls } from './database-urls';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  urls: DatabaseUrls;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise (demo mode) an embedded PostgreSQL whose data lives under KEEL_DATA_DIR. */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    return { urls: new DatabaseUrls(config.databaseUrl, config.migrationDatabaseUrl ?? config.databaseUrl, config.jobSchema), embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ directory: join(config.dataDir, 'postgres'), persistent: true });
  return { urls: new DatabaseUrls(embedded.appUrl, embedded.ownerUrl, config.jobSchema), embedded: true, stop: embedded.stop };
}
