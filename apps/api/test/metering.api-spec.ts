import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { MeteringService } from '../src/modules/telemetry/metering.service';
import { signIn } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { api, closeTestApp, createTenantOrg, staffToken } from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const INGEST_KEY = `ingest-${randomUUID()}`;

interface UsageRow {
  hour: string;
  calls: number;
  errors: number;
  client_errors: number;
}

describe('API metering and telemetry ingest', () => {
  let test: TestApp;
  let periodicFlush: jest.SpyInstance;

  beforeAll(async () => {
    // Without the periodic flush, counts reach the table only when a test flushes (or the app stops).
    periodicFlush = jest.spyOn(MeteringService.prototype, 'onModuleInit').mockImplementation(() => undefined);
    test = await startTestApp({ TELEMETRY_INGEST_KEY: INGEST_KEY });
    // Twenty minutes past an hour, so that a test's requests all fall into one hourly bucket.
    test.clock.advance((20 * 60_000 - (test.clock.nowMilliseconds() % HOUR) + HOUR) % HOUR);
  });
  afterAll(async () => {
    await closeTestApp(test);
    periodicFlush.mockRestore();
  });

  const flush = () => test.app.get(MeteringService).flush();
  const hourOf = (milliseconds: number) => new Date(milliseconds - (milliseconds % HOUR)).toISOString();
  const usage = async (orgId: string): Promise<UsageRow[]> =>
    (await test.dataSource.query('SELECT hour, calls, errors, client_errors FROM api_usage_hourly WHERE org_id = $1 ORDER BY hour', [orgId])).map(
      (row: { hour: Date } & UsageRow) => ({ ...row, hour: row.hour.toISOString() }),
    );
  const ingest = (body: unknown, key: string | null = INGEST_KEY) => {
    const pending = request(test.http).post('/api/v1/telemetry/api-calls');
    return (key === null ? pending : pending.set('X-Ingest-Key', key)).send(body as object);
  };
  const event = (orgId: string, overrides: Record<string, unknown> = {}) => ({
    org_id: orgId,
    ts: test.clock.now().toISOString(),
    method: 'GET',
    path: '/v1/reports',
    status: 200,
    duration_ms: 42,
    ...overrides,
  });

  describe('tenant requests', () => {
    it('counts each request into its org’s hourly bucket, with 4xx (a 404 too) apart from 5xx', async () => {
      const tenant = await createTenantOrg(test);
      const neighbour = await createTenantOrg(test);
      await flush();

      await api(test, tenant.tokens.viewer).get('/org').expect(200);
      await api(test, tenant.tokens.viewer).get('/cloud-accounts').expect(200);
      await api(test, tenant.tokens.viewer).get(`/cloud-accounts/${randomUUID()}`).expect(404);
      await api(test, tenant.tokens.viewer).patch('/org/settings').send({ name: 'Nope' }).expect(403);
      await api(test, tenant.tokens.operator).post('/budgets').send({ name: 'No amount' }).expect(400);
      await api(test, neighbour.tokens.owner).get('/org').expect(200);
      await api(test, neighbour.tokens.owner).get('/org').expect(200);
      await flush();

      const hour = hourOf(test.clock.nowMilliseconds());
      expect(await usage(tenant.orgId)).toEqual([{ hour, calls: 5, errors: 0, client_errors: 3 }]);
      expect(await usage(neighbour.orgId)).toEqual([{ hour, calls: 2, errors: 0, client_errors: 0 }]);
    });

    it('counts a 5xx answer as an error', async () => {
      const tenant = await createTenantOrg(test);
      // The budget store fails for this org only: other test files share the table.
      const marker = `budget_store_down_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const owner = new Client({ connectionString: process.env.KEEL_TEST_MIGRATION_DATABASE_URL });
      await owner.connect();
      try {
        await owner.query(`
          CREATE FUNCTION ${marker}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF NEW.org_id = '${tenant.orgId}' THEN RAISE EXCEPTION 'budget store unavailable'; END IF; RETURN NEW; END $$`);
        await owner.query(`CREATE TRIGGER ${marker} BEFORE INSERT ON budgets FOR EACH ROW EXECUTE FUNCTION ${marker}()`);
        await flush();
        expectErrorBody(await api(test, tenant.tokens.operator).post('/budgets').send({ name: 'Cap', amount: 10, period: 'monthly' }), 500);
        await api(test, tenant.tokens.operator).get('/budgets').expect(200);
        await flush();
      } finally {
        await owner.query(`DROP TRIGGER ${marker} ON budgets`);
        await owner.query(`DROP FUNCTION ${marker}()`);
        await owner.end();
      }
      expect(await usage(tenant.orgId)).toEqual([{ hour: hourOf(test.clock.nowMilliseconds()), calls: 2, errors: 1, client_errors: 0 }]);
    });

    it('adds later flushes to the same hour, and starts a new bucket in the next hour', async () => {
      const tenant = await createTenantOrg(test);
      await flush();
      await api(test, tenant.tokens.viewer).get('/org').expect(200);
      await flush();
      await api(test, tenant.tokens.viewer).get('/org').expect(200);
      await flush();
      const firstHour = hourOf(test.clock.nowMilliseconds());

      test.clock.advance(HOUR);
      const later = await signIn(test, tenant.members.viewer); // the earlier access token has expired
      await api(test, later.accessToken).get('/costs').expect(200);
      await api(test, later.accessToken).get('/costs').query({ from: 'soon' }).expect(400);
      await flush();

      expect(await usage(tenant.orgId)).toEqual([
        { hour: firstHour, calls: 2, errors: 0, client_errors: 0 },
        { hour: hourOf(test.clock.nowMilliseconds()), calls: 2, errors: 0, client_errors: 1 },
      ]);
      test.clock.advance(-HOUR);
    });

    it('does not count staff requests, nor requests without a valid tenant token', async () => {
      const tenant = await createTenantOrg(test);
      const staff = await staffToken(test);
      await flush();

      await api(test, staff).get('/platform/users').expect(200);
      await api(test, staff).get('/org').expect(401);
      await api(test, null).get('/org').expect(401);
      await api(test, `${tenant.tokens.owner}x`).get('/org').expect(401);

      // flush() answers how many hourly buckets this app had counted into.
      expect(await flush()).toBe(0);
      expect(await usage(tenant.orgId)).toEqual([]);
    });

    it('writes the counts still pending when the app shuts down', async () => {
      const tenant = await createTenantOrg(test);
      // A second app, also without the periodic flush: only shutting down can write its counts.
      let second: TestApp | undefined = await startTestApp();
      try {
        second.clock.advance(test.clock.nowMilliseconds() - Date.now());
        const token = (await signIn(second, tenant.members.admin)).accessToken;
        await api(second, token).get('/org').expect(200);
        await api(second, token).get('/org/members').expect(200);
        await api(second, token).delete(`/org/members/${randomUUID()}`).expect(404);
        expect(await usage(tenant.orgId)).toEqual([]);

        await closeTestApp(second);
        second = undefined;
      } finally {
        await second?.close();
      }

      expect(await usage(tenant.orgId)).toEqual([{ hour: hourOf(test.clock.nowMilliseconds()), calls: 3, errors: 0, client_errors: 1 }]);
    });
  });

  describe('POST /api/v1/telemetry/api-calls', () => {
    it('accepts recent events of known orgs (202 {accepted}) and counts them like tenant calls', async () => {
      const tenant = await createTenantOrg(test);
      const now = test.clock.nowMilliseconds();
      const at = (millisecondsAgo: number) => new Date(now - millisecondsAgo).toISOString();
      await flush();

      const response = await ingest({
        events: [
          event(tenant.orgId, { ts: at(HOUR) }),
          event(tenant.orgId, { ts: at(HOUR / 2), status: 404 }),
          event(tenant.orgId, { ts: at(2 * HOUR), status: 503, method: 'POST' }),
          event(randomUUID()), // an org Keel does not know
          event(tenant.orgId, { ts: at(9 * 24 * HOUR) }), // too old
          event(tenant.orgId, { ts: at(-HOUR) }), // from the future
        ],
      }).expect(202);

      expect(response.body).toEqual({ accepted: 3 });
      await flush();
      expect(await usage(tenant.orgId)).toEqual([
        { hour: hourOf(now - 2 * HOUR), calls: 1, errors: 1, client_errors: 0 },
        { hour: hourOf(now - HOUR), calls: 2, errors: 0, client_errors: 1 },
      ]);
    });

    it('accepts an empty batch and a batch of 5,000 events', async () => {
      const tenant = await createTenantOrg(test);
      expect((await ingest({ events: [] }).expect(202)).body).toEqual({ accepted: 0 });
      const events = Array.from({ length: 5_000 }, () => event(tenant.orgId, { path: '/x' }));
      expect((await ingest({ events }).expect(202)).body).toEqual({ accepted: 5_000 });
      await flush();
      expect((await usage(tenant.orgId)).reduce((sum, row) => sum + row.calls, 0)).toBe(5_000);
    });

    it.each([
      ['a wrong key', 'not-the-key'],
      ['a key of the right length but wrong', INGEST_KEY.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a'))],
      ['no key', null],
    ])('answers 401 to %s and counts nothing', async (_case, key) => {
      const tenant = await createTenantOrg(test);
      await flush();
      expectErrorBody(await ingest({ events: [event(tenant.orgId)] }, key), 401);
      await flush();
      expect(await usage(tenant.orgId)).toEqual([]);
    });

    it('checks the key before the body: a wrong key with a bad batch is 401', async () => {
      expectErrorBody(await ingest({ events: 'many' }, 'not-the-key'), 401);
      expectErrorBody(await ingest({ events: Array.from({ length: 5_001 }, () => event(randomUUID(), { path: '/x' })) }, null), 401);
    });

    it('answers 400 to 5,001 events and counts none of them', async () => {
      const tenant = await createTenantOrg(test);
      await flush();
      const response = await ingest({ events: Array.from({ length: 5_001 }, () => event(tenant.orgId, { path: '/x' })) });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('5000');
      await flush();
      expect(await usage(tenant.orgId)).toEqual([]);
    });

    it('answers 413 to a body over 1 MiB', async () => {
      const events = Array.from({ length: 600 }, () => event(randomUUID(), { path: `/${'p'.repeat(2_000)}` }));
      expectErrorBody(await ingest({ events }), 413);
    });

    it.each([
      ['a status out of range', { status: 700 }, 'status'],
      ['a fractional status', { status: 200.5 }, 'status'],
      ['a timestamp that is not ISO 8601', { ts: 'yesterday' }, 'ts'],
      ['an org id that is not a UUID', { org_id: 'acme' }, 'org_id'],
      ['a negative duration', { duration_ms: -1 }, 'duration_ms'],
      ['a missing method', { method: undefined }, 'method'],
      ['an unknown field', { user_id: randomUUID() }, 'user_id should not exist'],
    ])('answers 400 to an event with %s, and counts none of the batch', async (_case, changes, mentioned) => {
      const tenant = await createTenantOrg(test);
      await flush();
      const response = await ingest({ events: [event(tenant.orgId), event(tenant.orgId, changes)] });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      await flush();
      expect(await usage(tenant.orgId)).toEqual([]);
    });

    it.each([
      ['no events field', {}],
      ['events that are not a list', { events: 'many' }],
      ['an unknown top-level field', { events: [], source: 'billing' }],
    ])('answers 400 to a body with %s', async (_case, body) => {
      expectErrorBody(await ingest(body), 400);
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await request(test.http).post('/api/v1/telemetry/api-calls').set('X-Ingest-Key', INGEST_KEY).set('Content-Type', 'application/json').send('{"events": [');
      expectErrorBody(response, 400);
    });
  });
});

// A separate app after the first has closed: two live apps in one file would share passport's strategies.
describe('API metering switched off (METERING_ENABLED=false)', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ METERING_ENABLED: 'false' });
  });
  afterAll(() => closeTestApp(test));

  it('counts no tenant request', async () => {
    const tenant = await createTenantOrg(test);
    await api(test, tenant.tokens.viewer).get('/org').expect(200);
    await api(test, tenant.tokens.viewer).get('/cloud-accounts').expect(200);
    await test.app.get(MeteringService).flush();
    expect(await test.dataSource.query('SELECT calls FROM api_usage_hourly WHERE org_id = $1', [tenant.orgId])).toEqual([]);
  });
});
