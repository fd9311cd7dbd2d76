import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { baseUrl, bootstrapAdmin, port } from './support/environment';

// Runs against the BUILT API and web console: run `npx nx run api:build` and `npx nx run web:build`
// first (`npm test` builds both before this step). Playwright cannot download browsers here, so
// it drives Debian's Chromium (`apt-get install chromium`, or point CHROMIUM_PATH elsewhere).
export default defineConfig({
  testDir: './specs',
  // Signs the bootstrap admin in (with TOTP enrollment) once, after the web server is up.
  globalSetup: './support/global-setup.ts',
  outputDir: join(__dirname, '..', 'test-results', 'e2e'),
  // One API and one database for the whole run.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Generous for a loaded 2-core machine, where axe alone takes seconds on a full table.
  timeout: 90_000,
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
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      BOOTSTRAP_ADMIN_EMAIL: bootstrapAdmin.email,
      BOOTSTRAP_ADMIN_PASSWORD: bootstrapAdmin.password,
      // As in production: staff enroll TOTP at their first sign-in (the enrollment spec needs it).
      STAFF_REQUIRE_2FA: 'true',
      // The demo organizations give the tenant specs their users (there is no org API to create them yet).
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // The webhook specs receive deliveries on a loopback server of their own.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_BASE_SECONDS: '1',
      // The API clients of the fixtures sign in once per run: on a busy machine the run outlasts 15 minutes.
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
  },
});
