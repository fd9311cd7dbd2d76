import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import sharedGlobalSetup from '../support/global-setup';

/**
 * The API tests' shared PostgreSQL, plus one that the fault tests stop and start again. Test files run
 * in a VM that cannot load embedded-postgres (an ES module), so this process stops and starts it for
 * them: POST /stop and POST /start on KEEL_FAULTS_POSTGRES_CONTROL. Persistent, with its port kept in
 * its directory, it comes back on the same port with its data.
 */
export default async function globalSetup(): Promise<void> {
  await sharedGlobalSetup();
  const directory = mkdtempSync(join(tmpdir(), 'keel-faults-postgres-'));
  chmodSync(directory, 0o755);
  const start = () => startEmbeddedPostgres({ directory, persistent: true });
  let database = await start();
  const control = createServer((request, response) => {
    const action = request.url === '/stop' ? database.stop() : start().then((started) => void (database = started));
    action.then(
      () => response.end('ok'),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  process.env.KEEL_FAULTS_DATABASE_URL = database.appUrl;
  process.env.KEEL_FAULTS_MIGRATION_DATABASE_URL = database.ownerUrl;
  process.env.KEEL_FAULTS_POSTGRES_CONTROL = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
  (globalThis as { keelFaultsPostgres?: { stop(): Promise<void> } }).keelFaultsPostgres = {
    stop: async () => {
      control.closeAllConnections();
      control.close();
      await database.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
