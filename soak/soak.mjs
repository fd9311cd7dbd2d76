#!/usr/bin/env node
// `npm run soak`: Keel's built API as a real process on a fresh, throw-away embedded PostgreSQL with the
// demo data, under a bounded mix of tenant reads and writes, sign-ins, support sessions and telemetry on
// loopback for a few minutes. Afterwards: no request got a status it did not expect, the API's resident
// memory and live heap grew at most 10% after the warm-up, the audit chains verify, and every counter equals its
// recount. Prints one table; exits 1 if a check fails.
//
//   npm run soak                         3 minutes
//   npm run soak -- --minutes 10         longer (or SOAK_MINUTES=10)
//   node soak/soak.mjs --seconds 45 --warm-up 25 --report tmp/soak.json   what `npm test` runs (a report in Jest's counts)
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assertBuilt, enrollStaff, median, openDataset, PASSWORD, signInTenantOwner, sleep, startApi } from '../bench/keel-process.mjs';
import { checkCounters, verifyChains } from './soak-checks.mjs';

const { generateSync } = createRequire(import.meta.url)('otplib');
const soakDirectory = dirname(fileURLToPath(import.meta.url));

const { values: options } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '3' },
    seconds: { type: 'string' },
    'warm-up': { type: 'string' },
    concurrency: { type: 'string', default: '6' },
    report: { type: 'string' },
  },
});
const durationMilliseconds = (options.seconds ? Number(options.seconds) : Number(options.minutes) * 60) * 1000;
// The API's heap grows to its working size during the first 20–25 s of traffic: a short run states a longer warm-up.
const warmUpMilliseconds = options['warm-up'] ? Number(options['warm-up']) * 1000 : 0.2 * durationMilliseconds;
const CONCURRENCY = Number(options.concurrency);
const ORGS = 3;
const MAX_MEMORY_GROWTH = 0.1;
// Memory is read with the traffic paused, after a full collection: under load the V8 heap swings by ±50 MiB
// between collections, and RSS with it, so two readings taken mid-traffic differ by chance.
const SETTLE_MILLISECONDS = 2_000;
const SETTLED_SAMPLES = 3;
const log = (line) => process.stdout.write(`${line}\n`);

if (!Number.isFinite(durationMilliseconds) || durationMilliseconds < 10_000 || !(CONCURRENCY >= 1) || !(warmUpMilliseconds >= 0 && warmUpMilliseconds <= durationMilliseconds - 10_000)) {
  console.error('Give --minutes (or --seconds, at least 10), --concurrency as positive numbers, and --warm-up ending 10 s before the run does.');
  process.exit(2);
}
assertBuilt();

/** Counts every answer by operation and status; an answer outside the expected statuses is a failure, kept as an example. */
class Tally {
  operations = new Map();
  unexpected = [];

  add(operation, status) {
    const statuses = this.operations.get(operation) ?? new Map();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.operations.set(operation, statuses);
  }

  fail(operation, description) {
    this.unexpected.push({ operation, description });
  }

  get requests() {
    return [...this.operations.values()].reduce((sum, statuses) => sum + [...statuses.values()].reduce((a, b) => a + b, 0), 0);
  }
}

/** A client that declares the statuses it expects of each request; the login IPs come from X-Forwarded-For (TRUST_PROXY). */
function soakClient(api, tally) {
  let nextAddress = 1;
  return {
    // One address per sign-in, so that the per-IP login limit (20 a minute) measures nothing here.
    freshAddress: () => {
      const n = nextAddress++;
      return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    },
    async request(operation, method, path, { token, body, headers = {}, expect }) {
      let status = 'network error';
      let text = '';
      try {
        const response = await fetch(`${api.url}/api/v1${path}`, {
          method,
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        text = error.message;
      }
      tally.add(operation, status);
      if (!expect.includes(status)) {
        tally.fail(operation, `${method} ${path} → ${status} (expected ${expect.join('/')}): ${text.slice(0, 200)}`);
        return null;
      }
      return text ? JSON.parse(text) : {};
    },
  };
}

/** The mix: weights, and for the rate-limited ones the least time between two runs. */
function operations({ client, tally, tenants, staff, ingestKey }) {
  const pick = (items) => items[Math.floor(Math.random() * items.length)];
  const request = client.request;
  const tenantReads = ['/costs/summary', '/cloud-accounts', '/costs?limit=50', '/budgets', '/alert-rules', '/anomaly-alerts', '/recommendations', '/org', '/me'];
  const staffReads = ['/platform/stats', '/platform/orgs?limit=20&sort=name', '/platform/tenants/health', '/platform/fleet/health', '/platform/sync-health'];

  return [
    { name: 'tenant read', weight: 12, run: () => request('tenant read', 'GET', pick(tenantReads), { token: pick(tenants).token, expect: [200] }) },
    { name: 'staff read', weight: 4, run: () => request('staff read', 'GET', pick(staffReads), { token: staff.token, expect: [200] }) },
    {
      name: 'budget',
      weight: 3,
      async run() {
        const { token } = pick(tenants);
        const budget = await request('budget', 'POST', '/budgets', { token, body: { name: `Soak ${randomUUID().slice(0, 8)}`, amount: 1000, period: 'monthly' }, expect: [201] });
        if (!budget) return;
        await request('budget', 'PATCH', `/budgets/${budget.id}`, { token, body: { amount: 1500.5 }, expect: [200] });
        await request('budget', 'DELETE', `/budgets/${budget.id}`, { token, expect: [204] });
      },
    },
    {
      name: 'alert rule',
      weight: 2,
      async run() {
        const { token } = pick(tenants);
        const rule = await request('alert rule', 'POST', '/alert-rules', { token, body: { name: `Soak ${randomUUID().slice(0, 8)}`, metric: 'daily_cost', threshold: 250 }, expect: [201] });
        if (rule) await request('alert rule', 'DELETE', `/alert-rules/${rule.id}`, { token, expect: [204] });
      },
    },
    {
      name: 'member',
      weight: 2,
      async run() {
        const { token } = pick(tenants);
        const member = await request('member', 'POST', '/org/members', { token, body: { email: `soak-${randomUUID()}@soak.example`, role: pick(['admin', 'operator', 'viewer']) }, expect: [201] });
        if (member) await request('member', 'DELETE', `/org/members/${member.id}`, { token, expect: [204] });
      },
    },
    {
      // Connects an account (a third of them failing like a real permission error), syncs it in the background, and removes it, maybe mid-sync.
      name: 'cloud account',
      weight: 1,
      async run() {
        const { token } = pick(tenants);
        const externalId = Math.random() < 0.33 ? `invalid-${randomUUID().slice(0, 8)}` : `soak-${randomUUID().slice(0, 8)}`;
        const account = await request('cloud account', 'POST', '/cloud-accounts', { token, body: { name: `Soak ${externalId}`, provider: pick(['aws', 'azure', 'gcp']), external_id: externalId }, expect: [201] });
        if (!account) return;
        await request('cloud account', 'POST', `/cloud-accounts/${account.id}/sync`, { token, expect: [202] });
        await sleep(Math.random() * 3_000);
        await request('cloud account', 'DELETE', `/cloud-accounts/${account.id}`, { token, expect: [204] });
      },
    },
    {
      name: 'plan change',
      weight: 2,
      async run() {
        const tenant = pick(tenants);
        tenant.plan = pick(['free', 'pro', 'enterprise'].filter((plan) => plan !== tenant.plan));
        await request('plan change', 'PATCH', `/platform/orgs/${tenant.orgId}/plan`, { token: staff.token, body: { plan: tenant.plan }, expect: [200] });
      },
    },
    {
      // Half of the sign-ins end at once; the other half become the org's token (so that long runs outlive the 15-minute tokens).
      name: 'tenant sign-in',
      weight: 2,
      async run() {
        const tenant = pick(tenants);
        const headers = { 'x-forwarded-for': client.freshAddress() };
        const tokens = await request('tenant sign-in', 'POST', '/auth/login', { headers, body: { email: tenant.email, password: PASSWORD }, expect: [200] });
        if (!tokens) return;
        await request('tenant sign-in', 'GET', '/me', { token: tokens.access_token, expect: [200] });
        if (Math.random() < 0.5) await request('tenant sign-in', 'POST', '/auth/logout', { headers, body: { refresh_token: tokens.refresh_token }, expect: [200] });
        else tenant.token = tokens.access_token;
      },
    },
    {
      name: 'failed sign-in',
      weight: 1,
      run: () => request('failed sign-in', 'POST', '/auth/login', { headers: { 'x-forwarded-for': client.freshAddress() }, body: { email: `nobody-${randomUUID()}@soak.example`, password: 'not the password' }, expect: [401] }),
    },
    {
      // A TOTP code counts once per 30-second step: at most one staff sign-in per 35 s. It keeps the MFA fresh for minting support sessions.
      name: 'staff sign-in',
      weight: 1,
      every: 35_000,
      async run() {
        const headers = { 'x-forwarded-for': client.freshAddress() };
        const login = await request('staff sign-in', 'POST', '/platform/auth/login', { headers, body: { email: staff.email, password: PASSWORD }, expect: [200] });
        if (!login?.mfa_token) return;
        const tokens = await request('staff sign-in', 'POST', '/platform/auth/mfa/verify', { headers, body: { mfa_token: login.mfa_token, code: generateSync({ secret: staff.secret }) }, expect: [200] });
        if (tokens) staff.token = tokens.access_token;
      },
    },
    {
      // Mint (10 a minute per staff member at most), read through it, be refused a write (read_only), revoke, be refused at once.
      name: 'support session',
      weight: 1,
      every: 8_000,
      async run() {
        const tenant = pick(tenants);
        const session = await request('support session', 'POST', '/platform/support-sessions', {
          token: staff.token,
          body: { org_id: tenant.orgId, reason: 'Soak run: checking the cost dashboard', ttl_minutes: 5 },
          expect: [201],
        });
        if (!session) return;
        await request('support session', 'GET', pick(tenantReads), { token: session.token, expect: [200] });
        await request('support session', 'POST', '/budgets', { token: session.token, body: { name: 'Not allowed', amount: 1, period: 'monthly' }, expect: [403] });
        await request('support session', 'POST', `/platform/support-sessions/${session.id}/revoke`, { token: staff.token, body: { reason: 'Soak run done' }, expect: [200] });
        await request('support session', 'GET', '/cloud-accounts', { token: session.token, expect: [401] });
      },
    },
    {
      // Product services' API calls, some failing: every event of a known org is accepted, and health may change class.
      name: 'telemetry',
      weight: 3,
      async run() {
        const now = Date.now();
        const events = Array.from({ length: 100 }, (_, index) => ({
          org_id: pick(tenants).orgId,
          ts: new Date(now - index * 1_000).toISOString(),
          method: 'GET',
          path: '/v1/resources',
          status: Math.random() < 0.1 ? 503 : 200,
          duration_ms: 12,
        }));
        const result = await request('telemetry', 'POST', '/telemetry/api-calls', { headers: { 'x-ingest-key': ingestKey }, body: { events }, expect: [202] });
        if (result && result.accepted !== events.length) tally.fail('telemetry', `accepted ${result.accepted} of ${events.length} events`);
      },
    },
  ];
}

/** Workers pick weighted operations until the deadline; an operation with `every` waits its turn. */
async function runMix(mix, deadline, gate) {
  // Spaced operations wait their first interval too (the staff member's TOTP step was used when enrolling).
  const lastRun = new Map(mix.filter((operation) => operation.every).map((operation) => [operation.name, Date.now()]));
  const choose = () => {
    const now = Date.now();
    const ready = mix.filter((operation) => !operation.every || now - (lastRun.get(operation.name) ?? 0) >= operation.every);
    let roll = Math.random() * ready.reduce((sum, operation) => sum + operation.weight, 0);
    const chosen = ready.find((operation) => (roll -= operation.weight) < 0) ?? ready[0];
    if (chosen.every) lastRun.set(chosen.name, now);
    return chosen;
  };
  const worker = async () => {
    while (Date.now() < deadline) {
      await gate.enter();
      try {
        await choose().run();
      } finally {
        gate.leave();
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Lets memory be read with no request in flight: workers wait here between operations while it is closed. */
class TrafficGate {
  inFlight = 0;
  closed = null;
  idle = null;

  async enter() {
    while (this.closed) await this.closed.promise;
    this.inFlight += 1;
  }

  leave() {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.idle?.resolve();
  }

  /** Stops new operations and resolves once the running ones have finished. */
  async close() {
    this.closed = deferred();
    if (this.inFlight > 0) {
      this.idle = deferred();
      await this.idle.promise;
    }
  }

  open() {
    this.closed?.resolve();
    this.closed = null;
  }
}

function deferred() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

function residentBytes(pid) {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

// The V8 heap, from the API's own /metrics: in use, and reserved (its spaces as big as they have grown).
async function heapBytes(api) {
  const metrics = await fetch(`${api.url}/metrics`).then((response) => response.text(), () => '');
  const gauge = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  return { used: gauge('nodejs_heap_size_used_bytes'), total: gauge('nodejs_heap_size_total_bytes') };
}

/**
 * Memory of the idle API after a full collection (soak/collect-garbage.cjs), medians of a few samples: the live
 * heap, RSS, and RSS net of the heap's reserved but free space. V8 keeps an old space it grew under load (here
 * 60–130 MiB, depending on where in its cycle the traffic stopped) and hands it back only later: that is not
 * memory the process holds, whereas a native leak still shows in the net figure and an object leak in the heap.
 */
async function settledMemory(api) {
  process.kill(api.pid, 'SIGUSR2');
  await sleep(SETTLE_MILLISECONDS);
  const samples = [];
  for (let index = 0; index < SETTLED_SAMPLES; index += 1) {
    const rss = residentBytes(api.pid);
    const heap = await heapBytes(api);
    samples.push({ rss, heap: heap.used, held: rss - (heap.total - heap.used) });
    await sleep(500);
  }
  const middle = (key) => median(samples.map((sample) => sample[key]));
  return { rss: middle('rss'), heap: middle('heap'), held: middle('held') };
}

const mebibytes = (bytes) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'keel-soak-'));
  // The embedded PostgreSQL runs as the `postgres` user when we are root: it must reach the directory.
  chmodSync(directory, 0o755);
  const checks = [];
  const check = (name, pass, detail) => checks.push({ name, pass, detail });
  const tally = new Tally();
  let dataset;
  let api;
  try {
    log(`Starting Keel on a fresh embedded PostgreSQL with the demo data (${directory})…`);
    dataset = await openDataset('demo', directory);
    const ingestKey = `soak-${randomUUID()}`;
    // Each password hash takes 19 MiB on a libuv thread; glibc's adaptive mmap threshold then serves these from
    // per-thread arenas that keep the memory, and RSS steps by tens of MiB with the V8 heap flat. A fixed threshold
    // hands them back at once, so that RSS follows what the process holds (production may want the same).
    api = await startApi(dataset, { TRUST_PROXY: 'true', TELEMETRY_INGEST_KEY: ingestKey, MALLOC_MMAP_THRESHOLD_: '131072' }, ['--expose-gc', '--require', join(soakDirectory, 'collect-garbage.cjs')]);
    const staff = await enrollStaff(dataset, api);
    const tenants = [];
    for (let skip = 0; tenants.length < ORGS; skip += 1) {
      const owner = await signInTenantOwner(dataset, api, skip);
      if (tenants.some((tenant) => tenant.orgId === owner.org_id)) continue;
      const [{ plan }] = (await dataset.owner.query('SELECT plan FROM organizations WHERE id = $1', [owner.org_id])).rows;
      tenants.push({ orgId: owner.org_id, email: owner.email, token: owner.token, plan });
    }
    const client = soakClient(api, tally);

    const samples = [];
    const sampler = setInterval(async () => samples.push({ at: Date.now(), bytes: residentBytes(api.pid), heap: (await heapBytes(api)).used }), 1_000);
    const started = Date.now();
    log(`Soaking for ${(durationMilliseconds / 1000).toFixed(0)} s (warm-up ${(warmUpMilliseconds / 1000).toFixed(0)} s) with ${CONCURRENCY} concurrent callers on ${ORGS} orgs…`);
    const gate = new TrafficGate();
    const afterWarmUp = sleep(warmUpMilliseconds).then(async () => {
      await gate.close();
      try {
        return await settledMemory(api);
      } finally {
        gate.open();
      }
    });
    await runMix(operations({ client, tally, tenants, staff, ingestKey }), started + durationMilliseconds, gate);
    clearInterval(sampler);
    const warm = await afterWarmUp;
    // Read the same way as after the warm-up: the traffic has stopped.
    const end = await settledMemory(api);
    const duration = Date.now() - started;

    check('no unexpected status', tally.unexpected.length === 0, `${tally.requests} requests, ${tally.unexpected.length} unexpected`);
    const rss = { warm: warm.rss, end: end.rss, heldWarm: warm.held, heldEnd: end.held, growth: (end.held - warm.held) / warm.held, peak: Math.max(...samples.map((sample) => sample.bytes)) };
    check(
      `RSS growth after the warm-up ≤ ${MAX_MEMORY_GROWTH * 100}% (net of the V8 heap's free reserve)`,
      rss.growth <= MAX_MEMORY_GROWTH,
      `${mebibytes(warm.held)} → ${mebibytes(end.held)} (${(rss.growth * 100).toFixed(1)}%; RSS ${mebibytes(warm.rss)} → ${mebibytes(end.rss)}; peak RSS under traffic ${mebibytes(rss.peak)})`,
    );
    // What JavaScript keeps: exact after a full collection of an idle process, so a leak of objects shows here first.
    const heapGrowth = (end.heap - warm.heap) / warm.heap;
    check(`live heap growth after the warm-up ≤ ${MAX_MEMORY_GROWTH * 100}%`, heapGrowth <= MAX_MEMORY_GROWTH, `${mebibytes(warm.heap)} → ${mebibytes(end.heap)} (${(heapGrowth * 100).toFixed(1)}%)`);
    for (const chain of await verifyChains(api, staff.token, tenants)) check(`audit chain ${chain.name} verifies`, chain.ok, chain.detail);
    for (const counter of await checkCounters(dataset.owner)) check(counter.name, counter.pass, counter.detail);

    printSummary(tally, duration, checks);
    if (options.report) {
      mkdirSync(dirname(options.report), { recursive: true });
      const passed = checks.filter((item) => item.pass).length;
      // In Jest's counts, so that `npm test` adds the checks to its closing line.
      writeFileSync(options.report, JSON.stringify({ numPassedTests: passed, numFailedTests: checks.length - passed, requests: tally.requests, durationMilliseconds: duration, rss, checks, rssSamples: samples.map((sample) => [sample.at - started, sample.bytes, sample.heap]) }));
    }
  } finally {
    await api?.stop();
    await dataset?.close();
    rmSync(directory, { recursive: true, force: true });
  }
  return checks.every((item) => item.pass);
}

function printSummary(tally, duration, checks) {
  log(`\n${tally.requests} requests in ${(duration / 1000).toFixed(1)} s (${(tally.requests / (duration / 1000)).toFixed(1)}/s)\n`);
  log(`${'operation'.padEnd(18)}${'requests'.padStart(10)}  statuses`);
  for (const [operation, statuses] of [...tally.operations].sort()) {
    const count = [...statuses.values()].reduce((a, b) => a + b, 0);
    const detail = [...statuses].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([status, n]) => `${status}×${n}`).join(' ');
    log(`${operation.padEnd(18)}${String(count).padStart(10)}  ${detail}`);
  }
  if (tally.unexpected.length) {
    log(`\nUnexpected answers (first 10 of ${tally.unexpected.length}):`);
    for (const { operation, description } of tally.unexpected.slice(0, 10)) log(`  ${operation}: ${description}`);
  }
  log('');
  for (const { name, pass, detail } of checks) log(`  ${pass ? 'pass' : 'FAIL'}  ${name}: ${detail}`);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
