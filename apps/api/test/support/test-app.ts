import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ClockService } from '../../src/common/clock/clock.service';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { DatabaseUrls } from '../../src/database/database-urls';

export interface TestApp {
  app: NestExpressApplication;
  /** The HTTP server, for supertest's request(). */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  clock: ClockService;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Test settings: the shared test database, X-Forwarded-For trusted so tests can speak from many IPs. */
export function testEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: process.env.KEEL_TEST_DATABASE_URL,
    MIGRATION_DATABASE_URL: process.env.KEEL_TEST_MIGRATION_DATABASE_URL,
    JWT_PRIVATE_KEY: process.env.KEEL_TEST_JWT_PRIVATE_KEY,
    DATA_ENCRYPTION_KEY: process.env.KEEL_TEST_DATA_ENCRYPTION_KEY,
    KEEL_DATA_DIR: mkdtempSync(join(tmpdir(), 'keel-data-')),
    PUBLIC_URL: 'http://keel.test',
    TRUST_PROXY: 'true',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    MAIL_RETRY_DELAY_SECONDS: '1',
    // Every test app may work any webhook job (they share one job queue), and receivers listen on loopback.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    ...overrides,
  };
}

/** Starts the real application in-process against the test database; its log goes to `logDestination` when given. */
export async function startTestApp(overrides: Record<string, string | undefined> = {}, logDestination?: DestinationStream): Promise<TestApp> {
  const config = loadConfig(testEnvironment(overrides));
  const app = await createApp(config, new DatabaseUrls(config.databaseUrl!, config.migrationDatabaseUrl!), logDestination);
  return {
    app,
    http: app.getHttpServer(),
    config,
    clock: app.get(ClockService),
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      // pg-boss re-checks its stopped workers once more about a second later; let that pass before Jest tears down.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    },
  };
}
