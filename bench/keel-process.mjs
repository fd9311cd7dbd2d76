// The pieces a benchmark run is made of: a data set on its own embedded PostgreSQL, Keel's API as a
// real process on it, signed-in callers, and the two ways of loading them (autocannon and plain SQL).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distApi = join(root, 'dist/apps/api/apps/api/src');
const { startEmbeddedPostgres, findFreePort } = require(join(distApi, 'database/embedded-postgres.js'));
const { generateSync } = require('otplib');

export const PASSWORD = 'keel-demo-password';

// What a run has started, stopped on Ctrl-C too: an interrupted run leaves no API or PostgreSQL behind.
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const resource of [...running].reverse()) await resource.stop().catch(() => undefined);
    process.exit(130);
  });
}
function tracked(resource) {
  running.add(resource);
  const stop = resource.stop;
  resource.stop = async () => {
    running.delete(resource);
    await stop();
  };
  return resource;
}
const BENCH_ADMIN = 'bench-admin@keel.local';

/** A data set under KEEL_BENCH_DIR/<name>: seeded once (`large` by `npm run seed`, `demo` by Keel's first start), reused after. */
export async function openDataset(name, benchDirectory) {
  const directory = join(benchDirectory, name);
  if (name !== 'demo') {
    // The seed resumes an interrupted run and leaves a finished data set alone.
    const seed = spawnSync(process.execPath, [join(distApi, 'bin/seed.js'), '--scale', name], { env: { ...process.env, KEEL_DATA_DIR: directory, DATABASE_URL: '' }, stdio: 'inherit' });
    if (seed.status !== 0) throw new Error(`Seeding the ${name} data set failed`);
  }
  const database = tracked(await startEmbeddedPostgres({ directory: join(directory, 'postgres'), persistent: true }));
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  return {
    name,
    directory,
    database,
    owner,
    async close() {
      await owner.end();
      await database.stop();
    },
  };
}

/** Keel's API as its own process on the data set, as `npm start` would run it but quiet and without the long background jobs. */
export async function startApi(dataset, environment = {}, nodeArguments = []) {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArguments, join(distApi, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      KEEL_DATA_DIR: dataset.directory,
      DATABASE_URL: dataset.database.appUrl,
      MIGRATION_DATABASE_URL: dataset.database.ownerUrl,
      BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN,
      BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      // Request logs go to a log shipper in production; here they would only measure the pipe.
      LOG_LEVEL: 'warn',
      // The full re-sync of every account and the re-hash of every chain are measured by their own runs, not mixed into request latencies.
      SYNC_SCHEDULE: '0 0 1 1 *',
      AUDIT_VERIFY_SCHEDULE: '0 0 1 1 *',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited while starting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The API was not ready within 3 minutes:\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    await sleep(250);
  }
  // Tenant health is judged by a job every minute: the support console's list is measured once it is complete.
  for (;;) {
    const [{ pending }] = (await dataset.owner.query('SELECT (SELECT count(*) FROM organizations) - (SELECT count(*) FROM tenant_health) AS pending')).rows;
    if (Number(pending) <= 0) break;
    if (Date.now() > deadline) throw new Error('Tenant health was not computed within 3 minutes');
    await sleep(1000);
  }
  return tracked({
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  });
}

export async function call(api, method, path, { token, body } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return json;
}

/** A GET that may take minutes (fetch gives up on headers after 5): verifying a chain of millions of links. */
export function getSlowly(api, path, token) {
  return new Promise((resolve, reject) => {
    http
      .get(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`GET ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`))));
      })
      .on('error', reject);
  });
}

/** A super_admin of the data set, signed in with a second factor enrolled just now (so that minting a support session needs no code). */
export async function signInStaff(dataset, api) {
  return (await enrollStaff(dataset, api)).token;
}

/** Like signInStaff, with the e-mail and the TOTP secret for signing in again. */
export async function enrollStaff(dataset, api) {
  const [staff] = (await dataset.owner.query("SELECT email FROM platform_users WHERE role = 'super_admin' AND status = 'active' ORDER BY (email = $1) DESC, created_at LIMIT 1", [BENCH_ADMIN])).rows;
  // The bench enrolls TOTP afresh each run: it keeps no secret between runs.
  await dataset.owner.query('UPDATE platform_users SET mfa_enabled = false, mfa_secret_encrypted = NULL, mfa_pending_secret_encrypted = NULL, mfa_last_time_step = NULL WHERE email = $1', [staff.email]);
  const login = await call(api, 'POST', '/api/v1/platform/auth/login', { body: { email: staff.email, password: PASSWORD } });
  if (login.access_token) return { email: staff.email, secret: null, token: login.access_token };
  const { secret } = await call(api, 'POST', '/api/v1/platform/auth/mfa/enroll', { body: { mfa_token: login.mfa_token } });
  const tokens = await call(api, 'POST', '/api/v1/platform/auth/mfa/verify', { body: { mfa_token: login.mfa_token, code: generateSync({ secret }) } });
  return { email: staff.email, secret, token: tokens.access_token };
}

/** The owner of an active org that allows support sessions, signed in with their own password (`skip`: the next such org). */
export async function signInTenantOwner(dataset, api, skip = 0) {
  const [owner] = (
    await dataset.owner.query(
      `SELECT u.id, u.email, u.org_id FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE u.role = 'owner' AND u.status = 'active' AND NOT u.mfa_enabled AND o.status = 'active' AND NOT o.require_2fa AND o.allow_platform_impersonation
        ORDER BY o.created_at, u.created_at LIMIT 1 OFFSET $1`,
      [skip],
    )
  ).rows;
  const login = await call(api, 'POST', '/api/v1/auth/login', { body: { email: owner.email, password: PASSWORD } });
  return { ...owner, token: login.access_token };
}

/**
 * Loads one request (or a request factory) with autocannon and keeps every response time at full
 * precision (autocannon's own histogram rounds to whole milliseconds).
 */
export async function load(api, { path, method = 'GET', token, connections = 1, seconds = 3, setupRequest, requests, body }) {
  const latencies = [];
  const statuses = new Map();
  const instance = autocannon({
    url: `${api.url}${path}`,
    method,
    connections,
    duration: seconds,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body || setupRequest ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    requests: requests ?? (setupRequest ? [{ setupRequest }] : undefined),
  });
  instance.on('response', (_client, status, _bytes, milliseconds) => {
    latencies.push(milliseconds);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const succeeded = [...statuses].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0);
  const unexpected = [...statuses].filter(([status]) => status < 200 || status >= 300);
  if (unexpected.length || result.errors || result.timeouts) {
    const paths = requests?.every((request) => request.path) ? requests.map((request) => request.path).join(' / ') : path;
    throw new Error(`${method} ${paths}: unexpected answers ${JSON.stringify(Object.fromEntries(unexpected))}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { median: median(latencies), latencies, perSecond: succeeded / seconds, requests: latencies.length };
}

/**
 * Median latency of each request at one connection. Requests take turns (a warm-up pass, then
 * `rounds` passes of a second each) so that a busy spell of the machine falls on all of them alike.
 */
export async function medianLatencies(api, requests, { rounds = 4, seconds = 1 } = {}) {
  const samples = requests.map(() => []);
  for (const request of requests) await load(api, { ...request, seconds: 0.5 });
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, request] of requests.entries()) samples[index].push(...(await load(api, { ...request, seconds })).latencies);
  }
  return samples.map(median);
}

/**
 * Latencies of two GETs taking turns request by request on one connection for `seconds`: a slow
 * moment of the machine falls on both alike. Returns [the first's, the second's].
 */
export async function alternatingLatencies(api, { paths, token, seconds = 1 }) {
  const { latencies } = await load(api, { path: paths[0], token, seconds, requests: paths.map((path) => ({ method: 'GET', path })) });
  return [latencies.filter((_, index) => index % 2 === 0), latencies.filter((_, index) => index % 2 === 1)];
}

/** Times of a query through pg (the application role, the same database) for `seconds`, after a warm-up; at least 20. */
export async function sqlLatencies(client, text, parameters = [], seconds = 2) {
  const times = [];
  const deadline = performance.now() + seconds * 1000;
  for (let warm = 0; warm < 5; warm += 1) await client.query(text, parameters);
  while (performance.now() < deadline || times.length < 20) {
    const start = performance.now();
    await client.query(text, parameters);
    times.push(performance.now() - start);
  }
  return times;
}

/** Samples a process's resident set size while `work` runs; returns its result with the growth over the start, in bytes. */
export async function withRssGrowth(pid, work) {
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const before = rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 10);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, rss()) - before };
  } finally {
    clearInterval(timer);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export function assertBuilt() {
  if (!existsSync(join(distApi, 'main.js'))) throw new Error('The API is not built: run `npx nx run api:build` (npm run bench does).');
}
