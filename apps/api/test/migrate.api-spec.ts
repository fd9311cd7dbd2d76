import { runMigration } from '../src/bin/migrate';
import { MIGRATIONS } from '../src/database/entities';
import { assertNoPendingMigrations, pendingMigrations, PendingMigrationsError } from '../src/database/migrate';
import { createIsolatedSchema, type IsolatedSchema } from './support/isolated-schema';

const ALL_MIGRATIONS = MIGRATIONS.map((migration) => new migration().name);

// The deployment's order: the one-shot migration (bin/migrate, as the owner) runs before API replicas
// that do not migrate (MIGRATE_ON_START=false) and check the schema as the application role.
describe('one-shot migration and the check of replicas that do not migrate', () => {
  let empty: IsolatedSchema;

  beforeAll(async () => {
    empty = await createIsolatedSchema({ migrate: false });
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it('refuses, as the application role, to run on a schema that lacks migrations, naming how to apply them', async () => {
    expect(await pendingMigrations(empty.appUrl)).toEqual(ALL_MIGRATIONS);
    const refusal = await assertNoPendingMigrations(empty.appUrl).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PendingMigrationsError);
    expect((refusal as Error).message).toContain(`lacks ${ALL_MIGRATIONS.length} migration(s)`);
    expect((refusal as Error).message).toContain('bin/migrate.js');
  });

  it('applies every migration as the owner, after which the application role finds none pending; a second run applies nothing', async () => {
    const environment = { NODE_ENV: 'production', DATABASE_URL: empty.appUrl, MIGRATION_DATABASE_URL: empty.ownerUrl };
    expect(await runMigration(environment)).toEqual({ ok: true, message: `Applied ${ALL_MIGRATIONS.length} migration(s): ${ALL_MIGRATIONS.join(', ')}.` });
    expect(await pendingMigrations(empty.appUrl)).toEqual([]);
    await expect(assertNoPendingMigrations(empty.appUrl)).resolves.toBeUndefined();

    expect(await runMigration(environment)).toEqual({ ok: true, message: 'The schema is up to date: no migration to apply.' });
  });

  it("fails with PostgreSQL's reason, never the password, when the owner cannot sign in", async () => {
    const wrongOwner = new URL(empty.ownerUrl);
    wrongOwner.password = 'not-the-owner-password';
    const result = await runMigration({ DATABASE_URL: empty.appUrl, MIGRATION_DATABASE_URL: wrongOwner.toString() });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Migration failed: password authentication failed for user "/);
    expect(result.message).not.toContain('not-the-owner-password');
  });

  it('refuses to start without DATABASE_URL, naming it', async () => {
    expect(await runMigration({ MIGRATION_DATABASE_URL: empty.ownerUrl })).toEqual({ ok: false, message: expect.stringMatching(/^Cannot migrate: DATABASE_URL: /) });
  });
});
