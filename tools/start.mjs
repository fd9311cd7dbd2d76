#!/usr/bin/env node
// `npm start`: builds the API and the web console (Nx caches unchanged builds), then runs Keel in the
// foreground. Demo mode unless NODE_ENV=production; with DATABASE_URL unset an embedded PostgreSQL
// keeps its data under .keel/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };

if (!existsSync(join(root, 'node_modules', '.bin', 'nx'))) {
  console.error('Dependencies are missing: run `npm ci` first.');
  process.exit(1);
}

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/apps/api/src/main.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
