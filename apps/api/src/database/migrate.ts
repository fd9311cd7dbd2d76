import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_SCHEMA } from './database-urls';
import { ENTITIES, MIGRATIONS } from './entities';

/** Every pg-boss queue Keel uses; created here by the owner, because the application role cannot create tables. */
export const JOB_QUEUES = ['mail.send', 'auth.purge', 'audit.verify', 'audit.retention', 'audit.checkpoint', 'cloud-account.sync', 'cloud-account.sync-all', 'metering.prune', 'org.purge', 'tenant-health.refresh', 'support-session.expire', 'idempotency.purge', 'webhook.deliver'] as const;
export type JobQueue = (typeof JOB_QUEUES)[number];
/** pg-boss's own queue for due cron jobs (its timekeeper's `__pgboss__send-it`). */
const PG_BOSS_SCHEDULER_QUEUE = '__pgboss__send-it';

/** The schema history TypeORM keeps: written by the owner, readable by the application role. */
const MIGRATIONS_TABLE = 'migrations';

// One key for every replica: the first to start migrates, the others wait and then find nothing to do.
const MIGRATION_LOCK_KEY = 72_410_001;

/** Tables the application role may only append to: the audit logs, their hash links and signed checkpoints. */
export const APPEND_ONLY_TABLES = ['platform_audit_log', 'audit_log', 'audit_seals', 'audit_anchors', 'audit_checkpoints'];
/** Written only by the SECURITY DEFINER purge functions. */
const FUNCTION_WRITTEN_TABLES = ['audit_anchors'];
const PURGE_FUNCTIONS = ['keel_purge_audit_chain(text, text, timestamptz, text, timestamptz)', 'keel_purge_org_audit_log(uuid, timestamptz)'];

export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}

/**
 * Runs `work` holding the migration lock on a connection of its own. Schema changes and grants must not
 * overlap: two sessions granting on the same object (the shared job schema) fail with "tuple concurrently updated".
 */
export async function underMigrationLock<T>(ownerUrl: string, work: (lock: Client) => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work(lock);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Brings the schema up to date as the migration owner, under an advisory lock, then grants the
 * application role exactly what it needs. Safe to run from several replicas at once.
 */
export async function migrateDatabase(ownerUrl: string, appUrl: string, jobSchema = DEFAULT_JOB_SCHEMA): Promise<{ applied: string[] }> {
  return underMigrationLock(ownerUrl, async (lock) => {
    const dataSource = createDataSource(ownerUrl);
    await dataSource.initialize();
    let applied: string[];
    try {
      applied = (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
    const appRole = applicationRoleOf(ownerUrl, appUrl);
    // The schema TypeORM just migrated: the first of the owner's search_path (public unless the URL sets another).
    const [{ schema }] = (await lock.query<{ schema: string }>('SELECT current_schema() AS schema')).rows;
    if (appRole) await grantApplicationRole(lock, appRole, `"${schema.replace(/"/g, '""')}"`);
    await installJobSchema(lock, ownerUrl, appUrl, jobSchema);
    return { applied };
  });
}

/**
 * Creates the job queue's schema and queues as the owner if missing, and grants the application role their use.
 * Call it holding the migration lock.
 */
export async function installJobSchema(lock: Client, ownerUrl: string, appUrl: string, jobSchema: string): Promise<void> {
  await createJobSchema(ownerUrl, jobSchema);
  const appRole = applicationRoleOf(ownerUrl, appUrl);
  if (!appRole) return;
  const role = quoteIdentifier(appRole);
  await lock.query(`GRANT USAGE ON SCHEMA ${jobSchema} TO ${role}`);
  await lock.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobSchema} TO ${role}`);
  await lock.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${jobSchema} TO ${role}`);
  await lock.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${jobSchema} TO ${role}`);
}

/** The application role, when it is not the owner itself (demo databases may use one role for both). */
function applicationRoleOf(ownerUrl: string, appUrl: string): string | undefined {
  const appRole = decodeURIComponent(new URL(appUrl).username);
  return appRole && appRole !== decodeURIComponent(new URL(ownerUrl).username) ? appRole : undefined;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The migrations of this build that the database has not run, read with the application role (it may
 * read the history): how an API that does not migrate (MIGRATE_ON_START=false) checks the schema.
 */
export async function pendingMigrations(appUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    const [{ history }] = (await client.query<{ history: string | null }>('SELECT to_regclass($1) AS history', [MIGRATIONS_TABLE])).rows;
    // No history table yet: nothing has run.
    const applied = new Set(history ? (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map((row) => row.name) : []);
    return MIGRATIONS.map((migration) => new migration().name ?? migration.name).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

export class PendingMigrationsError extends Error {}

/** Refuses to run on a schema older than this build; the one-shot migration (bin/migrate) must run first. */
export async function assertNoPendingMigrations(appUrl: string): Promise<void> {
  const pending = await pendingMigrations(appUrl);
  if (pending.length > 0) {
    throw new PendingMigrationsError(
      `MIGRATE_ON_START=false and the database lacks ${pending.length} migration(s) of this version (${pending.join(', ')}). ` +
        'Run the migration first: node dist/apps/api/apps/api/src/bin/migrate.js (the compose service `migrate`).',
    );
  }
}

async function createJobSchema(ownerUrl: string, jobSchema: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: jobSchema, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    // pg-boss's scheduler sends every due cron job through a queue of its own, which the app role cannot create.
    for (const queue of [...JOB_QUEUES, PG_BOSS_SCHEDULER_QUEUE]) {
      if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Grants the application role exactly what it needs in `schema` (Keel's tables). */
export async function grantApplicationRole(client: { query(sql: string): Promise<unknown> }, appRole: string, schema: string): Promise<void> {
  const role = quoteIdentifier(appRole);
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
  // The schema history belongs to the owner alone.
  await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.${MIGRATIONS_TABLE} FROM ${role}`);
  for (const table of APPEND_ONLY_TABLES) await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}."${table}" FROM ${role}`);
  for (const table of FUNCTION_WRITTEN_TABLES) await client.query(`REVOKE INSERT ON ${schema}."${table}" FROM ${role}`);
  for (const signature of PURGE_FUNCTIONS) await client.query(`GRANT EXECUTE ON FUNCTION ${schema}.${signature} TO ${role}`);
}
