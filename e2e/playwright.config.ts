import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { baseUrl, bootstrapAdmin } from './support/environment';

// Runs against the BUILT API and web console: run `npx nx run api:build` and `npx nx run web:build`
// first (`npm test` builds both before this step). Playwright cannot download browsers here, so
// it drives Debian's Chromium (`apt-get install chromium`, or point CHROMIUM_PATH elsewhere).
export default defineConfig({
  testDir: './specs',
  outputDir: join(__dirname, '..', 'test-results', 'e2e'),
  // One API and one database for the whole run.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: baseUrl,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node e2e/support/start-server.mjs',
    cwd: join(__dirname, '..'),
    url: `${baseUrl}/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets the API stop its PostgreSQL and the start script delete the data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      NODE_ENV: 'development',
      PORT: '3100',
      PUBLIC_URL: baseUrl,
      BOOTSTRAP_ADMIN_EMAIL: bootstrapAdmin.email,
      BOOTSTRAP_ADMIN_PASSWORD: bootstrapAdmin.password,
      STAFF_REQUIRE_2FA: 'false',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
  },
});
