import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ClockService } from '../../src/common/clock/clock.service';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { DatabaseUrls } from '../../src/database/database-urls';
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
