import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { SmtpCapture, tokenFromMail } from '../support/smtp-capture';
import { testEnvironment } from '../support/test-environment';
import { ApiProcess } from './api-process';
import { eventually, inParallel, signInStaff, sleep, startWebhookReceiver } from './process-helpers';

const ADMIN = { email: 'admin@faults.test', password: 'fault suite admin passphrase' } as const;
const PASSWORD = 'a fault suite passphrase';
// "Answers quickly": well below a load balancer's or a client's patience, far above a loaded machine's jitter.
const ANSWER_DEADLINE_MILLISECONDS = 5_000;
const REQUEST_TIMEOUT_MILLISECONDS = 20_000;

interface Answer {
  /** 0 when no HTTP answer came (connection refused or reset: the process was gone). */
  status: number;
  milliseconds: number;
  answeredAt: number;
  body: { id?: string; [key: string]: unknown };
}

/**
 * Faults with nothing lost (SPEC §13): the BUILT API as a process on a PostgreSQL of its own (so that
 * the suite can stop and start it), sending mail to an in-process SMTP server and `audit.entry`
 * events to a loopback receiver. The tests run in order on one API process, restarted after each kill.
 */
describe('Keel under faults: nothing committed is lost', () => {
  let directory: string;
  let smtp: SmtpCapture;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let api: ApiProcess;
  let adminToken: string;
  let ipCounter = 0;

  const databaseUrl = process.env.KEEL_FAULTS_DATABASE_URL;
  // The suite's own PostgreSQL, stopped and started by the Jest process (see global-setup.ts).
  const postgres = async (action: 'stop' | 'start') => {
    const response = await fetch(`${process.env.KEEL_FAULTS_POSTGRES_CONTROL}/${action}`, { method: 'POST' });
    if (!response.ok) throw new Error(`PostgreSQL did not ${action}: ${await response.text()}`);
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'keel-faults-'));
    chmodSync(directory, 0o755);
    smtp = await SmtpCapture.onFreePort();
    await smtp.start();
    receiver = await startWebhookReceiver();
    const environment = testEnvironment({
      // As in production: the sealer and the job workers run as they would there, mail goes over SMTP.
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      MIGRATION_DATABASE_URL: process.env.KEEL_FAULTS_MIGRATION_DATABASE_URL,
      SMTP_URL: smtp.url,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      STAFF_REQUIRE_2FA: 'true',
      LOG_LEVEL: 'warn',
    });
    api = await ApiProcess.onFreePort('faults', environment, directory);
    await api.start();
    adminToken = await signInStaff(api.url, ADMIN.email, ADMIN.password, clientIp());
    const webhook = await call('POST', '/platform/webhooks', adminToken, { url: receiver.url, events: ['audit.entry'] });
    expect(webhook.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await receiver?.close();
    await smtp?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  }, 60_000);

  function clientIp(): string {
    ipCounter += 1;
    return `198.51.100.${ipCounter}`;
  }

  /** One request to the API process, timed; a refused or reset connection is status 0, never a throw. */
  function call(method: string, path: string, token?: string, body?: unknown, agent?: Agent): Promise<Answer> {
    const started = Date.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': clientIp(), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return new Promise((resolve) => {
      const outgoing = httpRequest(`${api.url}${path.startsWith('/health') ? '' : '/api/v1'}${path}`, { method, headers, agent, timeout: REQUEST_TIMEOUT_MILLISECONDS }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, milliseconds: Date.now() - started, answeredAt: Date.now(), body: text ? JSON.parse(text) : {} });
        });
        incoming.on('error', () => resolve({ status: 0, milliseconds: Date.now() - started, answeredAt: Date.now(), body: {} }));
      });
      outgoing.on('timeout', () => outgoing.destroy());
      outgoing.on('error', () => resolve({ status: 0, milliseconds: Date.now() - started, answeredAt: Date.now(), body: {} }));
      outgoing.end(payload);
    });
  }

  /** `count` connections opened (and accepted by the API) ahead of time: requests sent on them are the server's at once. */
  async function openConnections(count: number): Promise<Agent> {
    const agent = new Agent({ keepAlive: true, maxSockets: count });
    await Promise.all(Array.from({ length: count }, () => call('GET', '/health/live', undefined, undefined, agent)));
    return agent;
  }

  /** A query on the suite's PostgreSQL, over a fresh connection (the server may have been restarted). */
  async function query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  function createOrg(slug: string, ownerEmail = `owner-${slug}@example.test`): Promise<Answer> {
    return call('POST', '/platform/orgs', adminToken, { name: `Org ${slug}`, slug, plan: 'pro', owner_email: ownerEmail });
  }

  const newSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  /** A new org whose owner accepted the e-mailed invitation and signed in. */
  async function createOrgWithOwner(prefix: string): Promise<{ orgId: string; email: string; token: string }> {
    const email = `${newSlug(prefix)}@example.test`;
    const org = await createOrg(newSlug(prefix), email);
    expect(org.status).toBe(201);
    const accepted = await call('POST', '/auth/accept-invite', undefined, { token: tokenFromMail(await smtp.waitFor(email)), password: PASSWORD });
    expect(accepted.status).toBe(200);
    const login = await call('POST', '/auth/login', undefined, { email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { orgId: org.body.id as string, email, token: login.body.access_token as string };
  }

  async function syncStatus(syncJobId: string): Promise<string | undefined> {
    return (await query<{ status: string }>('SELECT status FROM sync_jobs WHERE id = $1', [syncJobId]))[0]?.status;
  }

  /** Runs the burst with `concurrency` requests in flight and SIGKILLs the API once `killAfter` of them got a 2xx. */
  async function burstWithKill(tasks: (() => Promise<Answer>)[], killAfter: number, concurrency = 6): Promise<Answer[]> {
    let successes = 0;
    let killed: Promise<unknown> | undefined;
    const answers = await inParallel(
      tasks.map((task) => async () => {
        const answer = await task();
        if (answer.status >= 200 && answer.status < 300) successes += 1;
        if (successes >= killAfter) killed ??= api.kill('SIGKILL');
        return answer;
      }),
      concurrency,
    );
    await killed;
    return answers;
  }

  async function restartApi(): Promise<number> {
    const started = Date.now();
    await api.start();
    return Date.now() - started;
  }

  async function verifyPlatformChain(): Promise<{ ok: boolean; unsealed: number; checked: number }> {
    return eventually(async () => {
      const verification = await call('GET', '/platform/audit-log/verify', adminToken);
      return verification.status === 200 && verification.body.unsealed === 0 ? (verification.body as { ok: boolean; unsealed: number; checked: number }) : undefined;
    }, 'the platform chain to be sealed');
  }

  async function verifyOrgChain(orgId: string): Promise<{ ok: boolean; unsealed: number }> {
    const support = await call('POST', '/platform/support-sessions', adminToken, { org_id: orgId, reason: 'Fault test: chain check' });
    expect(support.status).toBe(201);
    return eventually(async () => {
      const verification = await call('GET', '/admin/audit-log/verify', support.body.token as string);
      return verification.status === 200 && verification.body.unsealed === 0 ? (verification.body as { ok: boolean; unsealed: number }) : undefined;
    }, 'the org chain to be sealed');
  }

  it('answers 503 within seconds while PostgreSQL is down, fails readiness but not liveness, and recovers by itself when it returns', async () => {
    const org = await createOrg(newSlug('outage'));
    expect(org.status).toBe(201);
    const answers: Answer[] = [];
    let bursting = true;
    const burst = inParallel(
      Array.from({ length: 4 }, (_, worker) => async () => {
        for (let change = 0; bursting; change += 1) {
          answers.push(await call('PATCH', `/platform/orgs/${org.body.id}/require-2fa`, adminToken, { required: (worker + change) % 2 === 0 }));
        }
      }),
      4,
    );
    await sleep(1_000);
    await postgres('stop');
    const stoppedAt = answers.length;

    await sleep(500);
    const readiness = await call('GET', '/health/ready');
    const liveness = await call('GET', '/health/live');
    await sleep(2_000);
    // Past the changes in flight when it stopped (one per worker), every change meets the outage.
    const duringOutage = answers.slice(stoppedAt + 4);

    await postgres('start');
    const restarted = Date.now();
    await eventually(async () => ((await call('GET', '/health/ready')).status === 200 ? true : undefined), 'readiness after PostgreSQL is back');
    const recoveryMilliseconds = Date.now() - restarted;
    const readyAgainAt = answers.length;
    await sleep(1_000);
    bursting = false;
    await burst;

    expect(readiness.status).toBe(503);
    expect(readiness.milliseconds).toBeLessThan(ANSWER_DEADLINE_MILLISECONDS);
    expect(liveness.status).toBe(200);
    // Every change answered, quickly, with 200 or 503: never a 500, never a hang.
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200, 503]));
    expect(Math.max(...answers.map((answer) => answer.milliseconds))).toBeLessThan(ANSWER_DEADLINE_MILLISECONDS);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.every((answer) => answer.status === 503)).toBe(true);
    // Without a restart of the API: the changes after recovery succeed.
    expect(answers.slice(readyAgainAt + 4).map((answer) => answer.status)).toEqual(answers.slice(readyAgainAt + 4).map(() => 200));
    expect((await call('PATCH', `/platform/orgs/${org.body.id}/require-2fa`, adminToken, { required: true })).status).toBe(200);
    // Each 200 left its entry in both logs; nothing of a refused change did.
    const succeeded = answers.filter((answer) => answer.status === 200).length + 1;
    const [entries] = await query<{ platform: string; org: string }>(
      `SELECT (SELECT count(*) FROM platform_audit_log WHERE org_id = $1 AND action = 'platform.org_2fa_required_changed') AS platform,
              (SELECT count(*) FROM audit_log WHERE org_id = $1 AND action = 'org.2fa_requirement_changed_by_platform') AS org`,
      [org.body.id],
    );
    expect({ platform: Number(entries.platform), org: Number(entries.org) }).toEqual({ platform: succeeded, org: succeeded });
    expect(await verifyPlatformChain()).toMatchObject({ ok: true });
    process.stdout.write(`PostgreSQL outage: ${duringOutage.length} changes answered 503 while down; ready again ${recoveryMilliseconds} ms after PostgreSQL returned\n`);
  });

  it('delivers the mails queued while the SMTP server was down once it is back, each exactly once', async () => {
    await smtp.stop();
    const owners = Array.from({ length: 5 }, () => `${newSlug('smtp')}@example.test`);
    const created = await Promise.all(owners.map((owner) => createOrg(newSlug('smtp'), owner)));
    expect(created.map((answer) => answer.status)).toEqual(owners.map(() => 201));
    // Long enough for the first attempts (retry delay 1 s in tests) to fail.
    await sleep(3_000);
    const mailsTo = (owner: string) => smtp.messages.filter((message) => message.to.includes(owner)).length;
    expect(owners.map(mailsTo)).toEqual(owners.map(() => 0));

    await smtp.start();
    const restarted = Date.now();
    await eventually(async () => (owners.every((owner) => mailsTo(owner) > 0) ? true : undefined), 'every mail after SMTP returned', 45_000).catch(() => undefined);
    const deliveryMilliseconds = Date.now() - restarted;
    // Long enough for a second delivery of any of them to show.
    await sleep(3_000);
    expect(owners.map(mailsTo)).toEqual(owners.map(() => 1));
    process.stdout.write(`SMTP outage: ${owners.length} mails delivered ${deliveryMilliseconds} ms after SMTP returned\n`);
  });

  it('keeps every org creation answered 201 before a SIGKILL, with its owner and audit entries, and none half-applied', async () => {
    const marker = newSlug('kill');
    const slugs = Array.from({ length: 40 }, (_, index) => `${marker}-${index}`);
    const answers = await burstWithKill(
      slugs.map((slug) => () => createOrg(slug)),
      10,
    );
    const restartMilliseconds = await restartApi();

    const committed = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.id as string);
    expect(committed.length).toBeGreaterThanOrEqual(10);
    expect(answers.some((answer) => answer.status === 0)).toBe(true); // the kill did land mid-burst
    expect(answers.every((answer) => answer.status === 201 || answer.status === 0)).toBe(true);
    const rows = await query<{ id: string; owners: string; platform_entries: string; org_entries: string; mails: string }>(
      `SELECT o.id,
              (SELECT count(*) FROM users u WHERE u.org_id = o.id AND u.role = 'owner') AS owners,
              (SELECT count(*) FROM platform_audit_log p WHERE p.org_id = o.id AND p.action = 'platform.org_created') AS platform_entries,
              (SELECT count(*) FROM audit_log a WHERE a.org_id = o.id AND a.action = 'org.created_by_platform') AS org_entries,
              (SELECT count(*) FROM mail_messages m WHERE m.to_address = 'owner-' || o.slug || '@example.test') AS mails
         FROM organizations o WHERE o.slug LIKE $1`,
      [`${marker}-%`],
    );
    // Every 201 is there; an org whose answer the kill cut off may be there too, but only whole.
    expect(committed.filter((id) => !rows.some((row) => row.id === id))).toEqual([]);
    expect(rows.filter((row) => [row.owners, row.platform_entries, row.org_entries, row.mails].some((count) => count !== '1'))).toEqual([]);
    expect(await verifyPlatformChain()).toMatchObject({ ok: true });
    // Staff read an org's log through a support session, which needs an active user there: an owner whose invitation arrived accepts it.
    const owners = (await query<{ email: string; org_id: string }>(`SELECT email, org_id FROM users WHERE role = 'owner' AND org_id = ANY($1)`, [committed])).map((owner) => owner.email);
    const invitation = await eventually(async () => smtp.messages.find((message) => owners.some((owner) => message.to.includes(owner))), 'an owner invitation');
    const [owner] = await query<{ org_id: string }>('SELECT org_id FROM users WHERE email = $1', [owners.find((email) => invitation.to.includes(email))]);
    const accepted = await call('POST', '/auth/accept-invite', undefined, { token: tokenFromMail(invitation), password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(await verifyOrgChain(owner.org_id)).toMatchObject({ ok: true });
    process.stdout.write(`SIGKILL: ${committed.length} creations answered 201, ${rows.length} orgs whole after restart (${restartMilliseconds} ms)\n`);
  });

  it('delivers the audit.entry event of every entry committed before a SIGKILL at least once: de-duplicated by entry id, exactly the committed entries', async () => {
    const orgs = await Promise.all([createOrg(newSlug('events')), createOrg(newSlug('events'))]);
    const since = new Date();
    const answers = await burstWithKill(
      Array.from({ length: 60 }, (_, index) => () => call('PATCH', `/platform/orgs/${orgs[index % 2].body.id}/require-2fa`, adminToken, { required: index % 4 < 2 })),
      15,
    );
    await restartApi();
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(15);

    const until = new Date();
    const committed = await query<{ id: string }>(
      `SELECT id FROM platform_audit_log WHERE created_at >= $1 AND created_at < $2 UNION ALL SELECT id FROM audit_log WHERE created_at >= $1 AND created_at < $2`,
      [since, until],
    );
    const committedIds = committed.map((entry) => entry.id).sort();
    const deliveredInWindow = () => receiver.events.filter((event) => event.type === 'audit.entry' && since <= new Date(event.data.created_at ?? 0) && new Date(event.data.created_at ?? 0) < until);
    const started = Date.now();
    await eventually(async () => {
      const delivered = new Set(deliveredInWindow().map((event) => event.data.id));
      return committedIds.every((id) => delivered.has(id)) ? true : undefined;
    }, 'every committed entry to be delivered', 60_000).catch(() => undefined);
    const deliveryMilliseconds = Date.now() - started;

    const delivered = deliveredInWindow().map((event) => event.data.id as string);
    expect([...new Set(delivered)].sort()).toEqual(committedIds);
    process.stdout.write(`SIGKILL with webhooks: ${committedIds.length} committed entries, ${delivered.length} deliveries (${delivered.length - committedIds.length} repeated), all in within ${deliveryMilliseconds} ms of restart\n`);
  });

  it('runs again after a restart a webhook delivery and a cloud-account sync that were in flight when the process was killed', async () => {
    const owner = await createOrgWithOwner('sync-kill');
    const account = await call('POST', '/cloud-accounts', owner.token, { name: 'Killed mid-sync', provider: 'aws', external_id: newSlug('acct') });
    expect(account.status).toBe(201);
    // The org's row held: the sync, having marked itself running and written its cost rows, waits on it to count them.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [owner.orgId]);
      const {
        rows: [{ pid }],
      } = await holder.query('SELECT pg_backend_pid() AS pid');
      const sync = await call('POST', `/cloud-accounts/${account.body.id}/sync`, owner.token);
      expect(sync.status).toBe(202);
      await eventually(async () => {
        const [{ waiting }] = await query<{ waiting: number }>('SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
        return waiting > 0 ? true : undefined;
      }, 'the sync to wait on the held org row');
      expect(await syncStatus(sync.body.id as string)).toBe('running');

      receiver.hold(true);
      const org = await createOrg(newSlug('in-flight'));
      expect(org.status).toBe(201);
      // The delivery job is active, waiting on a receiver that does not answer, when the process dies.
      await eventually(async () => (receiver.held.length > 0 ? true : undefined), 'a delivery to be in flight');
      await api.kill('SIGKILL');
      receiver.hold(false);
      await holder.query('ROLLBACK');
      const inFlight = [...new Set(receiver.held.map((event) => event.id))];
      await restartApi();
      const started = Date.now();
      // pg-boss fails a job past its expiry (60 s for a delivery, 120 s for a sync) at its next maintenance (every 30 s),
      // then retries it; the sync's retry takes over the attempt the killed process left 'running'.
      await eventually(async () => (inFlight.every((id) => receiver.events.some((event) => event.id === id)) ? true : undefined), 'the killed deliveries to run again', 180_000);
      const deliveredMilliseconds = Date.now() - started;
      await eventually(async () => ((await syncStatus(sync.body.id as string)) === 'succeeded' ? true : undefined), 'the killed sync to run again', 240_000);
      const synced = await call('GET', `/cloud-accounts/${account.body.id}`, owner.token);
      expect(synced.body).toMatchObject({ status: 'connected', sync_error: null, cost_row_count: 5 * 90 });
      const [jobs] = await query<{ count: number }>('SELECT count(*)::int AS count FROM sync_jobs WHERE account_id = $1', [account.body.id]);
      expect(jobs.count).toBe(1);
      process.stdout.write(
        `SIGKILL mid-delivery and mid-sync: ${inFlight.length} deliveries in flight, delivered again ${deliveredMilliseconds} ms and the sync finished ${Date.now() - started} ms after the restart\n`,
      );
    } finally {
      await holder.end();
    }
  }, 360_000);

  it('finishes in-flight requests on SIGTERM and writes the metering counts and support-session reads it held in memory', async () => {
    // Neither sign-in nor acceptance is metered (no tenant principal yet): the org's count starts at zero.
    const owner = await createOrgWithOwner('term');
    const support = await call('POST', '/platform/support-sessions', adminToken, { org_id: owner.orgId, reason: 'Fault test: reads before SIGTERM' });
    expect(support.status).toBe(201);

    const connections = await openConnections(40);
    const tenantReads = Array.from({ length: 24 }, () => () => call('GET', '/org', owner.token, undefined, connections));
    const supportReads = Array.from({ length: 12 }, () => () => call('GET', '/org', support.body.token as string, undefined, connections));
    // Sign-ins hash a password: slow enough to be still running when the signal comes.
    const slowRequests = Array.from({ length: 4 }, () => () => call('POST', '/auth/login', undefined, { email: owner.email, password: PASSWORD }, connections));
    const inFlight = [...tenantReads, ...supportReads, ...slowRequests].map((task) => task());
    await sleep(100);
    const terminated = Date.now();
    const exitCode = await api.kill('SIGTERM');
    const exitMilliseconds = Date.now() - terminated;
    const answers = await Promise.all(inFlight);
    connections.destroy();
    const answeredAfterSignal = answers.filter((answer) => answer.answeredAt > terminated).length;

    expect(exitCode).toBe(0);
    expect(answers.map((answer) => answer.status)).toEqual([...tenantReads.map(() => 200), ...supportReads.map(() => 200), ...slowRequests.map(() => 200)]);
    const [usage] = await query<{ calls: string | null }>('SELECT sum(calls) AS calls FROM api_usage_hourly WHERE org_id = $1', [owner.orgId]);
    expect(Number(usage.calls)).toBe(tenantReads.length);
    const [reads] = await query<{ count: string }>(`SELECT count(*) FROM support_session_access_logs WHERE support_session_id = $1 AND method = 'GET'`, [support.body.id]);
    expect(Number(reads.count)).toBe(supportReads.length);
    // The signal did come while requests were being served.
    expect(answeredAfterSignal).toBeGreaterThan(0);
    process.stdout.write(`SIGTERM: ${answers.length} requests answered 2xx (${answeredAfterSignal} after the signal), exit 0 after ${exitMilliseconds} ms\n`);
  });
});
