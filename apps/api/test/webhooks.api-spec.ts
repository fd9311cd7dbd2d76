import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import request from 'supertest';
import { WebhooksService } from '../src/modules/webhooks/webhooks.service';
import { verifyWebhookSignature } from '@keel/shared';
import { createStaff, signIn, uniqueEmail, type TestAccount } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

interface Received {
  body: string;
  signature: string;
  event: { id: string; type: string; created_at: string; data: Record<string, unknown> };
}

/** A real HTTP receiver on loopback; answers with the statuses given, in turn (the last one repeats). */
async function startReceiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  let calls = 0;
  const server: Server = createServer((incoming: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, signature: String(incoming.headers['keel-signature']), event: JSON.parse(body) });
      response.statusCode = statuses[Math.min(calls++, statuses.length - 1)];
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMilliseconds = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('webhooks (SPEC §11)', () => {
  let test: TestApp;
  let staff: TestAccount;
  let staffToken: string;

  beforeAll(async () => {
    test = await startTestApp();
    staff = await createStaff(test, { role: 'super_admin' });
    staffToken = (await signIn(test, staff)).accessToken;
  });
  afterAll(() => test.close());

  const api = (token: string | null = staffToken) => ({
    get: (path: string) => auth(request(test.http).get(`/api/v1/platform${path}`), token),
    post: (path: string, body: object = {}) => auth(request(test.http).post(`/api/v1/platform${path}`).send(body), token),
    delete: (path: string) => auth(request(test.http).delete(`/api/v1/platform${path}`), token),
  });
  const auth = (pending: request.Test, token: string | null) => (token ? pending.auth(token, { type: 'bearer' }) : pending);
  const inTransaction = <T>(work: () => Promise<T>) => test.app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost).withTransaction(work);
  const newOrg = () => {
    const slug = `hook-${Math.random().toString(36).slice(2, 10)}`;
    return { name: `Hook ${slug}`, slug, plan: 'free', owner_email: uniqueEmail('hook') };
  };

  it('delivers a signed org.created event after the commit, and records the attempt', async () => {
    const receiver = await startReceiver();
    try {
      const created = await api().post('/webhooks', { url: receiver.url, events: ['org.created', 'org.plan_changed'] }).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), url: receiver.url, events: ['org.created', 'org.plan_changed'], payload_format: 'keel', created_at: expect.any(String), secret: expect.stringMatching(/^whsec_/) });
      const listed = await api().get('/webhooks').expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

      const org = await api().post('/orgs', newOrg()).expect(201);
      const delivery = await eventually(() => receiver.received.find((item) => item.event.type === 'org.created' && (item.event.data.organization as { id: string }).id === org.body.id));
      const signedAt = appSeconds(test);
      expect(await verifyWebhookSignature(created.body.secret, delivery.body, delivery.signature, { nowSeconds: signedAt })).toBe(true);
      expect(await verifyWebhookSignature('whsec_wrong', delivery.body, delivery.signature, { nowSeconds: signedAt })).toBe(false);
      expect(await verifyWebhookSignature(created.body.secret, `${delivery.body} `, delivery.signature, { nowSeconds: signedAt })).toBe(false);
      expect(await verifyWebhookSignature(created.body.secret, delivery.body, delivery.signature, { nowSeconds: signedAt + 3600 })).toBe(false);
      expect(delivery.event).toMatchObject({ id: expect.any(String), type: 'org.created', created_at: expect.any(String), data: { origin: 'platform' } });

      const deliveries = await eventually(async () => {
        const { body } = await api().get(`/webhooks/${created.body.id}/deliveries`).expect(200);
        return body.items.length ? body.items : undefined;
      });
      expect(deliveries[0]).toEqual({ id: expect.any(String), event_id: delivery.event.id, event_type: 'org.created', attempt: 1, status_code: 200, error: null, attempted_at: expect.any(String), next_retry_at: null });
      await api().delete(`/webhooks/${created.body.id}`).expect(204);
      await api().get(`/webhooks/${created.body.id}/deliveries`).expect(404);
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing receiver with the same event id until it answers 2xx, each attempt recorded', async () => {
    const receiver = await startReceiver([500, 503, 200]);
    try {
      const hook = await api().post('/webhooks', { url: receiver.url, events: ['org.plan_changed'] }).expect(201);
      const org = await api().post('/orgs', newOrg()).expect(201);
      await request(test.http).patch(`/api/v1/platform/orgs/${org.body.id}/plan`).auth(staffToken, { type: 'bearer' }).send({ plan: 'enterprise' }).expect(200);

      // Other test files change plans too, on the same database: look at this org's event only.
      const mine = () => receiver.received.filter((item) => (item.event.data.organization as { id: string }).id === org.body.id);
      await eventually(() => (mine().length >= 3 ? true : undefined), 30_000);
      expect(new Set(mine().map((item) => item.event.id)).size).toBe(1);
      // The attempt is recorded just after the receiver answered it: wait for the third record too.
      const attempts = await eventually(async () => {
        const { body } = await api().get(`/webhooks/${hook.body.id}/deliveries`).expect(200);
        const recorded = body.items.filter((item: { event_id: string }) => item.event_id === mine()[0].event.id);
        return recorded.length >= 3 ? recorded : undefined;
      });
      attempts.sort((a: { attempt: number }, b: { attempt: number }) => a.attempt - b.attempt);
      expect(attempts.map((item: { attempt: number; status_code: number }) => [item.attempt, item.status_code])).toEqual([
        [1, 500],
        [2, 503],
        [3, 200],
      ]);
      expect(attempts[0].next_retry_at).not.toBeNull();
      expect(attempts[2].next_retry_at).toBeNull();
      await api().delete(`/webhooks/${hook.body.id}`).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('sends nothing for a change that rolls back: the event lives in the transaction of the change', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await api().post('/webhooks', { url: receiver.url, events: ['org.suspended'] }).expect(201);
      const marker = `rolled-back-${Date.now()}`;
      await expect(
        inTransaction(async () => {
          await test.app.get(WebhooksService).emit('org.suspended', { organization: { id: marker } });
          throw new Error('the change fails after its event was written');
        }),
      ).rejects.toThrow('the change fails');
      await inTransaction(() => test.app.get(WebhooksService).emit('org.suspended', { organization: { id: `${marker}-kept` } }));
      const mine = () => receiver.received.map((item) => (item.event.data.organization as { id: string }).id).filter((id) => id.startsWith(marker));
      await eventually(() => (mine().length >= 1 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(mine()).toEqual([`${marker}-kept`]);
      expect(await test.dataSource.query(`SELECT 1 FROM webhook_events WHERE data->'organization'->>'id' = $1`, [marker])).toEqual([]);
      await api().delete(`/webhooks/${hook.body.id}`).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('mirrors audit entries as audit.entry events', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await api().post('/webhooks', { url: receiver.url, events: ['audit.entry'] }).expect(201);
      const org = await api().post('/orgs', newOrg()).expect(201);
      const entry = await eventually(() => receiver.received.find((item) => item.event.data.action === 'platform.org_created' && (item.event.data.target as { id: string } | null)?.id === org.body.id));
      expect(entry.event.data).toMatchObject({ log: 'platform', id: expect.any(String), actor: { type: 'platform_user' }, org_id: org.body.id });
      await api().delete(`/webhooks/${hook.body.id}`).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('sends audit.entry to an ocsf webhook as an OCSF API Activity event, signed the same way, and other events in Keel’s shape', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await api().post('/webhooks', { url: receiver.url, events: ['audit.entry', 'org.created'], payload_format: 'ocsf' }).expect(201);
      expect(hook.body.payload_format).toBe('ocsf');
      const listed = await api().get('/webhooks').expect(200);
      expect(listed.body.items.find((item: { id: string }) => item.id === hook.body.id)).toMatchObject({ payload_format: 'ocsf' });

      const org = await api().post('/orgs', newOrg()).set('user-agent', 'ocsf-check/1').expect(201);
      const [audited] = await test.dataSource.query(`SELECT id, request_id FROM platform_audit_log WHERE action = 'platform.org_created' AND target_id = $1`, [org.body.id]);
      const ocsf = await eventually(() => receiver.received.find((item) => (item.event as unknown as { metadata?: { uid?: string } }).metadata?.uid === audited.id));
      expect(await verifyWebhookSignature(hook.body.secret, ocsf.body, ocsf.signature, { nowSeconds: appSeconds(test) })).toBe(true);
      expect(ocsf.event).toMatchObject({
        class_uid: 6003,
        category_uid: 6,
        activity_id: 1,
        type_uid: 600301,
        severity_id: 1,
        status_id: 1,
        time: expect.any(Number),
        metadata: { version: '1.3.0', product: { name: 'Keel', vendor_name: 'Keel' }, uid: audited.id, log_name: 'platform', tenant_uid: org.body.id },
        actor: { user: { uid: staff.id, email_addr: staff.email, type_id: 2 } },
        src_endpoint: { ip: expect.any(String) },
        http_request: { user_agent: 'ocsf-check/1' },
        api: { operation: 'platform.org_created', request: { uid: audited.request_id } },
        resources: [{ uid: org.body.id, type: 'organization' }],
      });
      expect(audited.request_id).toBe(org.headers['x-request-id']);
      expect(ocsf.event).not.toHaveProperty('data');

      const created = await eventually(() => receiver.received.find((item) => item.event.type === 'org.created' && (item.event.data.organization as { id: string }).id === org.body.id));
      expect(created.event).toMatchObject({ id: expect.any(String), type: 'org.created', data: { organization: { id: org.body.id } } });
      await api().delete(`/webhooks/${hook.body.id}`).expect(204);
    } finally {
      await receiver.close();
    }
  });

  it('writes no event when no webhook listens', async () => {
    const before = (await test.dataSource.query(`SELECT count(*)::int AS n FROM webhook_events WHERE type = 'org.enabled'`))[0].n;
    await inTransaction(() => test.app.get(WebhooksService).emit('org.enabled', { organization: { id: 'nobody-listens' } }));
    expect((await test.dataSource.query(`SELECT count(*)::int AS n FROM webhook_events WHERE type = 'org.enabled'`))[0].n).toBe(before);
  });

  it('answers 401 without a token and 403 to a support_admin on every webhook route', async () => {
    const support = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
    const id = '00000000-0000-4000-8000-000000000000';
    await api(null).get('/webhooks').expect(401);
    await api(null).post('/webhooks', { url: 'https://example.com', events: ['org.created'] }).expect(401);
    await api(support).get('/webhooks').expect(403);
    await api(support).post('/webhooks', { url: 'https://example.com', events: ['org.created'] }).expect(403);
    await api(support).delete(`/webhooks/${id}`).expect(403);
    await api(support).get(`/webhooks/${id}/deliveries`).expect(403);
    await api(support).post(`/webhooks/${id}/events/${id}/redeliver`).expect(403);
  });
  // Last: a second app in one process takes over passport's strategies, and leaves them closed behind it.
  it('validates URLs and events, and refuses private, link-local and metadata targets unless allowed', async () => {
    await api().post('/webhooks', { url: 'ftp://example.com/x', events: ['org.created'] }).expect(400);
    await api().post('/webhooks', { url: 'not a url', events: ['org.created'] }).expect(400);
    await api().post('/webhooks', { url: 'https://example.com/x', events: ['org.exploded'] }).expect(400);
    await api().post('/webhooks', { url: 'https://example.com/x', events: [] }).expect(400);
    const badFormat = await api().post('/webhooks', { url: 'https://example.com/x', events: ['audit.entry'], payload_format: 'cef' }).expect(400);
    expect(JSON.stringify(badFormat.body.message)).toContain('payload_format must be one of: keel, ocsf');
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://[fd00:ec2::254]/', 'http://168.63.129.16/', 'http://100.100.100.200/']) {
      await api().post('/webhooks', { url, events: ['org.created'] }).expect(400);
    }
    const strict = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      const token = (await signIn(strict, await createStaff(strict, { role: 'super_admin' }))).accessToken;
      for (const url of ['http://127.0.0.1:9/x', 'http://10.1.2.3/x', 'http://[::1]/x', 'http://localhost/x', 'http://[::ffff:192.168.1.1]/x']) {
        const response = await request(strict.http).post('/api/v1/platform/webhooks').auth(token, { type: 'bearer' }).send({ url, events: ['org.created'] }).expect(400);
        expect(response.body.message).toMatch(/private or loopback/);
      }
    } finally {
      await strict.close();
    }
  });
});

// A receiver checks a signature's freshness against its own time: here the app's clock, which the tests move.
function appSeconds(test: TestApp): number {
  return Math.floor(test.clock.now().getTime() / 1000);
}
