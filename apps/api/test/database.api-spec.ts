import { Client } from 'pg';
import { createDataSource, JOB_QUEUES, migrateDatabase } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/entities';
import { createIsolatedSchema } from './support/isolated-schema';

// The least-privilege application role and the migration owner of the shared test database.
const appUrl = process.env.KEEL_TEST_DATABASE_URL!;
const ownerUrl = process.env.KEEL_TEST_MIGRATION_DATABASE_URL!;

const INSUFFICIENT_PRIVILEGE = '42501';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Runs `sql` in a transaction that is always rolled back: its error code, or null if it succeeded. */
async function attempt(client: Client, sql: string): Promise<string | null> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.query('ROLLBACK');
  }
}

const WRITES_TO_MIGRATIONS = {
  INSERT: `INSERT INTO migrations ("timestamp", "name") VALUES (1, 'Forged1')`,
  UPDATE: `UPDATE migrations SET "name" = "name"`,
  DELETE: `DELETE FROM migrations`,
};
const CREATE_TABLE = 'CREATE TABLE public.smuggled (id integer)';

describe('database roles and migrations', () => {
  let app: Client;
  let owner: Client;

  beforeAll(async () => {
    app = await connect(appUrl);
    owner = await connect(ownerUrl);
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  it('connects the application and the migrations as two different roles', async () => {
    const [{ current_user: appRole }] = (await app.query('SELECT current_user')).rows;
    const [{ current_user: ownerRole }] = (await owner.query('SELECT current_user')).rows;
    expect(appRole).not.toBe(ownerRole);
  });

  it.each(Object.entries(WRITES_TO_MIGRATIONS))('refuses the application role %s on the migrations table', async (_verb, sql) => {
    expect(await attempt(app, sql)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('lets the application role read the migrations table', async () => {
    const { rows } = await app.query('SELECT name FROM migrations');
    expect(rows.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => new migration().name));
  });

  // The application role may not create queues, and pg-boss sends every due cron job through one of its own.
  it('creates every job queue, including the one the scheduler needs, so that scheduled jobs run', async () => {
    const { rows } = await app.query('SELECT name FROM pgboss.queue');
    expect(rows.map((row: { name: string }) => row.name)).toEqual(expect.arrayContaining([...JOB_QUEUES, '__pgboss__send-it']));
  });

  it('refuses the application role CREATE TABLE in public', async () => {
    expect(await attempt(app, CREATE_TABLE)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('lets the owner write the migrations table and create tables (rolled back)', async () => {
    for (const sql of Object.values(WRITES_TO_MIGRATIONS)) expect(await attempt(owner, sql)).toBeNull();
    expect(await attempt(owner, CREATE_TABLE)).toBeNull();
  });

  it('runs three concurrent migrations without error, and they find nothing new to apply', async () => {
    const countBefore = Number((await owner.query('SELECT count(*) FROM migrations')).rows[0].count);
    const results = await Promise.all([migrateDatabase(ownerUrl, appUrl), migrateDatabase(ownerUrl, appUrl), migrateDatabase(ownerUrl, appUrl)]);
    expect(results).toEqual([{ applied: [] }, { applied: [] }, { applied: [] }]);
    expect(Number((await owner.query('SELECT count(*) FROM migrations')).rows[0].count)).toBe(countBefore);
    // The grants were re-applied, and the application role still cannot rewrite history.
    expect(await attempt(app, WRITES_TO_MIGRATIONS.INSERT)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('migrates an empty schema exactly once when three replicas start at the same time', async () => {
    // An empty schema of its own (search_path), so that there is something to migrate without touching the shared one.
    const empty = await createIsolatedSchema({ migrate: false });
    try {
      const results = await Promise.all([
        migrateDatabase(empty.ownerUrl, empty.appUrl),
        migrateDatabase(empty.ownerUrl, empty.appUrl),
        migrateDatabase(empty.ownerUrl, empty.appUrl),
      ]);
      const allMigrations = MIGRATIONS.map((migration) => new migration().name);
      expect(results.map((result) => result.applied).sort((a, b) => b.length - a.length)).toEqual([allMigrations, [], []]);
      const history = await connect(empty.ownerUrl);
      try {
        expect((await history.query('SELECT name FROM migrations ORDER BY id')).rows.map((row: { name: string }) => row.name)).toEqual(allMigrations);
      } finally {
        await history.end();
      }
    } finally {
      await empty.drop();
    }
  });

  it('has a schema that matches the entities: generating a migration would produce nothing', async () => {
    const dataSource = createDataSource(ownerUrl);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
