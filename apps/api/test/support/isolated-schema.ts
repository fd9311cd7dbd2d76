import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, grantApplicationRole, underMigrationLock } from '../../src/database/migrate';
import { dropSchema, startTestApp, type TestApp } from './test-app';

export interface IsolatedSchema {
  /** The application role's URL, with `search_path` set to the schema. */
  appUrl: string;
  /** The migration owner's URL, with `search_path` set to the schema. */
  ownerUrl: string;
  drop(): Promise<void>;
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * A freshly migrated copy of Keel's schema in a PostgreSQL schema of its own, for the rare test whose
 * rule depends on the whole table (e.g. "the last active super_admin") and so cannot share the
 * database with other test files running at the same time. Dropped by drop().
 * With `migrate: false` the schema is left empty, for tests of the migration runner itself.
 */
export async function createIsolatedSchema(options: { migrate?: boolean } = {}): Promise<IsolatedSchema> {
  const ownerBaseUrl = process.env.KEEL_TEST_MIGRATION_DATABASE_URL!;
  const appBaseUrl = process.env.KEEL_TEST_DATABASE_URL!;
  const schema = `isolated_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const appRole = decodeURIComponent(new URL(appBaseUrl).username);
  const owner = new Client({ connectionString: ownerBaseUrl });
  await owner.connect();
  try {
    await owner.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await owner.end();
  }

  const ownerUrl = withSearchPath(ownerBaseUrl, schema);
  if (options.migrate !== false) {
    // Under the lock migrateDatabase takes: other test files migrate and grant at the same time.
    await underMigrationLock(ownerBaseUrl, async (lock) => {
      const dataSource = createDataSource(ownerUrl);
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await dataSource.destroy();
      }
      // The same grants migrateDatabase gives the application role on `public`.
      await grantApplicationRole(lock, appRole, schema);
    });
  }

  return {
    appUrl: withSearchPath(appBaseUrl, schema),
    ownerUrl,
    drop: () => dropSchema(schema),
  };
}

/** A test app of its own on a fresh isolated schema; close() stops it and drops the schema. */
export async function startIsolatedTestApp(overrides: Record<string, string | undefined> = {}): Promise<{ test: TestApp; isolated: IsolatedSchema; close(): Promise<void> }> {
  const isolated = await createIsolatedSchema();
  const test = await startTestApp({ DATABASE_URL: isolated.appUrl, MIGRATION_DATABASE_URL: isolated.ownerUrl, ...overrides });
  return {
    test,
    isolated,
    close: async () => {
      await test.close();
      await isolated.drop();
    },
  };
}
