import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test settings: the shared test database, X-Forwarded-For trusted so tests can speak from many IPs.
 * Kept apart from test-app.ts so that tests starting the built API as processes need not load the app.
 */
export function testEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: process.env.KEEL_TEST_DATABASE_URL,
    MIGRATION_DATABASE_URL: process.env.KEEL_TEST_MIGRATION_DATABASE_URL,
    JWT_PRIVATE_KEY: process.env.KEEL_TEST_JWT_PRIVATE_KEY,
    DATA_ENCRYPTION_KEY: process.env.KEEL_TEST_DATA_ENCRYPTION_KEY,
    AUDIT_SIGNING_KEY: process.env.KEEL_TEST_AUDIT_SIGNING_KEY,
    KEEL_DATA_DIR: mkdtempSync(join(tmpdir(), 'keel-data-')),
    PUBLIC_URL: 'http://keel.test',
    TRUST_PROXY: 'true',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    MAIL_RETRY_DELAY_SECONDS: '1',
    // Test receivers listen on loopback.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    ...overrides,
  };
}
