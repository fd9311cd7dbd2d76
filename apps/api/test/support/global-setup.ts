import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { migrateDatabase } from '../../src/database/migrate';

/** One throw-away PostgreSQL cluster for the whole run, migrated once; test files share it through env. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.KEEL_TEST_DATABASE_URL) {
    const directory = mkdtempSync(join(tmpdir(), 'keel-test-'));
    // As root the server runs as the `postgres` user, who must be able to enter the directory.
    chmodSync(directory, 0o755);
    const database = await startEmbeddedPostgres({ directory, persistent: false });
    (globalThis as { keelTestDatabase?: { stop(): Promise<void> } }).keelTestDatabase = database;
    process.env.KEEL_TEST_DATABASE_URL = database.appUrl;
    process.env.KEEL_TEST_MIGRATION_DATABASE_URL = database.ownerUrl;
  }
  await migrateDatabase(process.env.KEEL_TEST_MIGRATION_DATABASE_URL ?? process.env.KEEL_TEST_DATABASE_URL, process.env.KEEL_TEST_DATABASE_URL);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  process.env.KEEL_TEST_JWT_PRIVATE_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  process.env.KEEL_TEST_DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  process.env.KEEL_TEST_AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
