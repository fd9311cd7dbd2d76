import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ClockService } from '../../src/common/clock/clock.service';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { DatabaseUrls } from '../../src/database/database-urls';
import { installJobSchema, underMigrationLock } from '../../src/database/migrate';
import { testEnvironment } from './test-environment';

export interface TestApp {
  app: NestExpressApplication;
  /** The HTTP server, for supertest's request(). */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  clock: ClockService;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Starts the real application in-process against the test database; its log goes to `logDestination` when given.
 * Each app has a job queue of its own (unless JOB_SCHEMA is given): test apps move their own clocks and come and
 * go, so a job must be worked by the app whose test queued it, as it is by the one deployment that queued it in
 * production.
 */
export async function startTestApp(overrides: Record<string, string | undefined> = {}, logDestination?: DestinationStream): Promise<TestApp> {
  const jobQueue = overrides.JOB_SCHEMA ? undefined : await createTestJobSchema();
  const config = loadConfig(testEnvironment({ JOB_SCHEMA: jobQueue?.schema, ...overrides }));
  const app = await createApp(config, new DatabaseUrls(config.databaseUrl!, config.migrationDatabaseUrl!, config.jobSchema), logDestination);
  return {
    app,
    http: app.getHttpServer(),
    config,
    clock: app.get(ClockService),
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      // pg-boss re-checks its stopping workers every second until they have stopped (a worker mid-fetch on a busy
      // machine takes a round or two); a check after Jest's teardown fails the next file. Let those rounds pass.
      await new Promise((resolve) => setTimeout(resolve, 3_200));
      await jobQueue?.drop();
    },
  };
}

async function createTestJobSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const ownerUrl = process.env.KEEL_TEST_MIGRATION_DATABASE_URL!;
  const schema = `jobs_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  // Under the migration lock, like every grant: other test files migrate and grant at the same time.
  await underMigrationLock(ownerUrl, (lock) => installJobSchema(lock, ownerUrl, process.env.KEEL_TEST_DATABASE_URL!, schema));
  return { schema, drop: () => dropSchema(schema) };
}

/** Drops a schema a test created, with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const owner = new Client({ connectionString: process.env.KEEL_TEST_MIGRATION_DATABASE_URL });
  await owner.connect();
  try {
    await owner.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await owner.end();
  }
}
