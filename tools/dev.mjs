#!/usr/bin/env node
// `npm run dev`: the web console from Vite with hot reload on http://localhost:4200, its /api calls
// proxied to the API. Uses an API already listening on KEEL_API_URL (default http://localhost:3000,
// e.g. from `npm start` in another terminal); otherwise builds the API and runs it alongside, in
// demo mode with the same data directory as `npm start` (.keel/). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiUrl = new URL(process.env.KEEL_API_URL ?? 'http://localhost:3000');
const env = { ...process.env, KEEL_API_URL: apiUrl.origin, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const children = [];

async function apiAnswers() {
  try {
    return (await fetch(new URL('/health/live', apiUrl), { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

async function startApi() {
  console.log(`No API at ${apiUrl.origin}: building and starting one (demo mode, data in .keel/).`);
  const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/apps/api/src/main.js')], {
    cwd: root,
    env: { ...env, PORT: apiUrl.port || '3000' },
    stdio: 'inherit',
  });
  children.push(api);
  api.on('exit', (code) => {
    console.error(`The API stopped (exit code ${code}).`);
    shutDown(code ?? 1);
  });
  for (let attempt = 0; attempt < 120 && !(await apiAnswers()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 500));
}

function shutDown(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutDown(0));

if (await apiAnswers()) console.log(`Using the API at ${apiUrl.origin}.`);
else await startApi();

const vite = spawn('npx', ['vite', '-c', 'apps/web/vite.config.ts'], { cwd: root, env, stdio: 'inherit' });
children.push(vite);
vite.on('exit', (code) => shutDown(code ?? 0));
