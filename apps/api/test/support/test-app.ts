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
      // pg-boss re-checks its stopping workers every second until they have stopped (a worker mid-fetch on a busy
      // machine takes a round or two); a check after Jest's teardown fails the next file. Let those rounds pass.
      await new Promise((resolve) => setTimeout(resolve, 3_200));
    },
  };
}
