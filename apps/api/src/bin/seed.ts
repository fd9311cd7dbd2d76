import 'reflect-metadata';
import { ClockService } from '../common/clock/clock.service';
import { loadConfig } from '../config/app-config';
import { ConfigurationError } from '../config/environment';
import { createDataSource, migrateDatabase } from '../database/migrate';
import { resolveDatabase, type ResolvedDatabase } from '../database/resolve-database';
import { BOOTSTRAP_LOCK_KEY } from '../database/seeds/bootstrap.service';
import { DEMO_TENANT_PASSWORD, seedDemoData } from '../database/seeds/demo-seed';
import { SCALES, type ScaleName } from '../database/seeds/scale-plan';
import { SeedRefusedError, seedScale } from '../database/seeds/scale-seed';
import { PasswordService } from '../modules/auth/password.service';

const USAGE = `Usage: npm run seed -- [--scale demo|medium|large] [--force]

  --scale demo    the demo organizations (what \`npm start\` seeds on an empty database)
  --scale medium  1,000 orgs, 100,000 users, 10^6 cost rows, 10^6 audit entries
  --scale large   10,000 orgs, 1,000,000 users, 10^7 cost rows, 10^7 audit entries (benchmarks)
  --force         seed large/medium even if the database already holds over 1,000 organizations

Connects like Keel does: DATABASE_URL and MIGRATION_DATABASE_URL, or else the embedded PostgreSQL
under KEEL_DATA_DIR (stop Keel first: one server per data directory). Refuses NODE_ENV=production.
An interrupted large or medium run resumes where it stopped when started again.`;

type SeedScale = 'demo' | ScaleName;

function parseArguments(argv: string[]): { scale: SeedScale; force: boolean } {
  let scale: SeedScale = 'demo';
  let force = false;
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2);
    if (flag === '--force') force = true;
    else if (flag === '--scale') {
      const value = inline ?? argv[(index += 1)];
      if (value !== 'demo' && !(value in SCALES)) throw new UsageError(`Unknown scale "${value ?? ''}"`);
      scale = value as SeedScale;
    } else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else throw new UsageError(`Unknown argument "${argv[index]}"`);
  }
  return { scale, force };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  let options: { scale: SeedScale; force: boolean };
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    return error.message ? 2 : 0;
  }
  const config = loadConfig();
  if (config.mode === 'production') {
    process.stderr.write('Refusing to seed: NODE_ENV=production. Seed data is for demos and benchmarks.\n');
    return 1;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let database: ResolvedDatabase;
  try {
    database = await resolveDatabase(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not start the database${config.databaseUrl ? '' : ` under ${config.dataDir} (is Keel running on it? Stop it first)`}: ${reason}\n`);
    return 1;
  }
  // Ctrl-C stops the embedded server cleanly; the running chunks roll back and the next run resumes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping; run the same command again to resume.\n`);
      void database.stop().finally(() => process.exit(130));
    });
  }
  try {
    await migrateDatabase(database.urls.ownerUrl, database.urls.appUrl, database.urls.jobSchema);
    const clock = new ClockService();
    const passwords = new PasswordService();
    if (options.scale === 'demo') {
      await seedDemo(database.urls.appUrl, passwords, clock, log);
    } else {
      await seedScale({
        scale: options.scale,
        force: options.force,
        ownerUrl: database.urls.ownerUrl,
        now: clock.now(),
        passwordHash: () => passwords.hash(DEMO_TENANT_PASSWORD),
        log,
      });
    }
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      process.stderr.write(`Refusing to seed: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.stop();
  }
}

async function seedDemo(appUrl: string, passwords: PasswordService, clock: ClockService, log: (line: string) => void): Promise<void> {
  const dataSource = createDataSource(appUrl);
  await dataSource.initialize();
  try {
    const seeded = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM organizations');
      if (count > 0) return false;
      await seedDemoData(manager, passwords, clock);
      return true;
    });
    log(seeded ? `Demo data seeded. Every active demo user signs in with the password ${DEMO_TENANT_PASSWORD}.` : 'The database already holds organizations: the demo data is seeded on an empty database only.');
  } finally {
    await dataSource.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigurationError) process.stderr.write(`Cannot seed: ${error.message}\n`);
    else process.stderr.write(`Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
