#!/usr/bin/env node
// Starts the built API (which also serves the built SPA) for the browser tests, on a fresh
// throwaway data directory: a new embedded PostgreSQL, an empty outbox, nothing left behind.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiEntry = join(root, 'dist/apps/api/apps/api/src/main.js');
const webIndex = join(root, 'dist/apps/web/index.html');

for (const [file, build] of [[apiEntry, 'api'], [webIndex, 'web']]) {
  if (!existsSync(file)) {
    console.error(`The browser tests need the built ${build} (${file} is missing): run \`npx nx run ${build}:build\` first.`);
    process.exit(1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'keel-e2e-'));
// As root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter it.
chmodSync(dataDir, 0o755);

const environment = { ...process.env, KEEL_DATA_DIR: dataDir, WEB_DIST_DIR: join(root, 'dist/apps/web') };
// Never reach a developer's own database, mail server or Redis from the tests.
for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'SMTP_URL', 'REDIS_URL']) delete environment[name];

const api = spawn(process.execPath, [apiEntry], { cwd: root, env: environment, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
});
