import { randomUUID } from 'node:crypto';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { SimulatedCostProvider } from '../src/modules/cloud-accounts/providers/simulated-cost-provider';
import { api, closeTestApp, createTenantOrg, orgLog, staffToken, TENANT_ROLE_LIST, type TenantOrg } from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('costs, budgets, alert rules and insights', () => {
  let test: TestApp;
  let tenant: TenantOrg;
  let other: TenantOrg;
  let awsAccountId: string;
  let gcpAccountId: string;
  let theirAccountId: string;

  // The simulator's 90 days up to yesterday for an AWS account.
  const writeSimulatedCosts = async (orgId: string, accountId: string) => {
    const costs = await new SimulatedCostProvider().fetchDailyCosts({ id: accountId, provider: 'aws', externalId: 'simulated' }, day(90), day(1));
    await test.dataSource.query(
      `INSERT INTO cost_rows (org_id, account_id, date, provider, service, amount, currency)
       SELECT $1, $2, date, 'aws', service, amount, 'USD' FROM unnest($3::date[], $4::text[], $5::numeric[]) AS cost(date, service, amount)`,
      [orgId, accountId, costs.map((cost) => cost.date), costs.map((cost) => cost.service), costs.map((cost) => cost.amount)],
    );
  };
  const day = (daysAgo: number) => new Date(test.clock.nowMilliseconds() - daysAgo * DAY).toISOString().slice(0, 10);
  const createAccount = async (org: TenantOrg, provider: string) =>
    (await api(test, org.tokens.owner).post('/cloud-accounts').send({ name: `${provider} account`, provider, external_id: `acct-${randomUUID().slice(0, 8)}` }).expect(201)).body.id as string;

  // One org with a synced AWS account and a GCP account whose rows are known amounts; another org with synced rows of its own.
  beforeAll(async () => {
    test = await startTestApp();
    tenant = await createTenantOrg(test);
    other = await createTenantOrg(test);
    awsAccountId = await createAccount(tenant, 'aws');
    gcpAccountId = await createAccount(tenant, 'gcp');
    theirAccountId = await createAccount(other, 'aws');
    // What a sync would write (its own tests are in cloud-accounts), written here so the dates follow this app's clock.
    await writeSimulatedCosts(tenant.orgId, awsAccountId);
    await writeSimulatedCosts(other.orgId, theirAccountId);
    // GCP rows on days 2, 3 and 40 ago, and one 200 days ago (outside every default range).
    for (const [daysAgo, service, amount] of [[2, 'BigQuery', 10.5], [2, 'Cloud Run', 0.25], [3, 'BigQuery', 7], [40, 'BigQuery', 99.99], [200, 'BigQuery', 1000]] as const) {
      await test.dataSource.query(`INSERT INTO cost_rows (org_id, account_id, date, provider, service, amount) VALUES ($1, $2, $3, 'gcp', $4, $5)`, [tenant.orgId, gcpAccountId, day(daysAgo), service, amount]);
    }
  });
  afterAll(() => closeTestApp(test));

  // An amount the API rounded to cents, against the exact sum.
  const expectCents = (actual: number, exact: number) => expect(Math.abs(actual - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
  const sumOfRows = async (orgId: string, from: string, to: string) => {
    const rows: { provider: string; total: string; rows: number }[] = await test.dataSource.query(
      `SELECT provider, sum(amount)::text AS total, count(*)::int AS rows FROM cost_rows WHERE org_id = $1 AND date BETWEEN $2 AND $3 GROUP BY provider ORDER BY provider`,
      [orgId, from, to],
    );
    return rows.map((row) => ({ provider: row.provider, total: Number(row.total), rows: row.rows }));
  };

  describe('GET /costs/summary', () => {
    it('covers the last 30 days by default, one point a day oldest first, and its totals are the sum of the rows', async () => {
      const { body } = await api(test, tenant.tokens.viewer).get('/costs/summary').expect(200);

      expect(body).toMatchObject({ from: day(29), to: day(0), currency: 'USD', latest_data_date: day(1) });
      expect(body.by_day.map((point: { date: string }) => point.date)).toEqual(Array.from({ length: 30 }, (_, index) => day(29 - index)));
      expect(body.by_day[29]).toEqual({ date: day(0), total_cost: 0 }); // today: not synced yet
      const expected = await sumOfRows(tenant.orgId, day(29), day(0));
      expect(body.by_provider.map((row: { provider: string; row_count: number }) => [row.provider, row.row_count])).toEqual(expected.map((row) => [row.provider, row.rows]));
      body.by_provider.forEach((row: { total_cost: number }, index: number) => expectCents(row.total_cost, expected[index].total));
      expect(body.by_provider.map((row: { provider: string }) => row.provider)).toEqual(['aws', 'gcp']);
      expect(body.row_count).toBe(29 * 5 + 3);
      const total = expected.reduce((sum, row) => sum + row.total, 0);
      expectCents(body.total_cost, total);
      const sumOfDays = body.by_day.reduce((sum: number, point: { total_cost: number }) => sum + point.total_cost, 0);
      // Each day is rounded to cents on its own.
      expect(Math.abs(sumOfDays - total)).toBeLessThanOrEqual(body.by_day.length * 0.005 + 1e-9);
    });

    it('gives each day the sum of its rows, and zero to days without any', async () => {
      const from = day(120);
      const to = day(0);
      const { body } = await api(test, tenant.tokens.viewer).get('/costs/summary').query({ from, to }).expect(200);

      expect(body.by_day).toHaveLength(121);
      const perDay: { date: string; total: string }[] = await test.dataSource.query(
        `SELECT date::text AS date, sum(amount)::text AS total FROM cost_rows WHERE org_id = $1 AND date BETWEEN $2 AND $3 GROUP BY date`,
        [tenant.orgId, from, to],
      );
      const expected = new Map(perDay.map((row) => [row.date, Number(row.total)]));
      for (const point of body.by_day) expectCents(point.total_cost, expected.get(point.date) ?? 0);
      // Day 100 lies before the 90 days a sync covers, and no row was written for it.
      expect(body.by_day.find((point: { date: string }) => point.date === day(100)).total_cost).toBe(0);
      expect(body.by_provider.find((row: { provider: string }) => row.provider === 'gcp')).toEqual({ provider: 'gcp', total_cost: 117.74, row_count: 4 });
    });

    it('answers zeros, not an error, for a range without data', async () => {
      const { body } = await api(test, tenant.tokens.viewer).get('/costs/summary').query({ from: '2001-01-01', to: '2001-01-03' }).expect(200);
      expect(body).toMatchObject({ total_cost: 0, row_count: 0, by_provider: [], by_day: [{ date: '2001-01-01', total_cost: 0 }, { date: '2001-01-02', total_cost: 0 }, { date: '2001-01-03', total_cost: 0 }] });
    });

    it('never counts another org’s rows', async () => {
      const mine = await api(test, tenant.tokens.viewer).get('/costs/summary').query({ from: day(100), to: day(0) }).expect(200);
      const theirs = await api(test, other.tokens.viewer).get('/costs/summary').query({ from: day(100), to: day(0) }).expect(200);
      expect(mine.body.row_count).toBe(90 * 5 + 4);
      expect(theirs.body.row_count).toBe(90 * 5);
      expect(theirs.body.by_provider.map((row: { provider: string }) => row.provider)).toEqual(['aws']);
      const expected = await sumOfRows(other.orgId, day(100), day(0));
      expectCents(theirs.body.total_cost, expected[0].total);
    });
  });

  describe('GET /costs', () => {
    const list = (query: Record<string, string | number>, token = tenant.tokens.viewer) => api(test, token).get('/costs').query(query);

    it('lists the last 30 days of rows by default, newest first, as numbers', async () => {
      const { body } = await list({}).expect(200);
      expect(body.pagination).toEqual({ page: 1, limit: 50, total: 29 * 5 + 3, next_cursor: null });
      expect(body.items).toHaveLength(50);
      expect(body.items[0]).toEqual({ id: expect.any(String), account_id: awsAccountId, date: day(1), provider: 'aws', service: expect.any(String), amount: expect.any(Number), currency: 'USD' });
      const dates = body.items.map((item: { date: string }) => item.date);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('filters by provider, service, account and dates', async () => {
      const byProvider = await list({ provider: 'gcp', from: day(60), to: day(0) }).expect(200);
      expect(byProvider.body.items.map((item: { date: string; service: string; amount: number }) => [item.date, item.service, item.amount])).toEqual([
        [day(2), expect.any(String), expect.any(Number)],
        [day(2), expect.any(String), expect.any(Number)],
        [day(3), 'BigQuery', 7],
        [day(40), 'BigQuery', 99.99],
      ]);
      const byService = await list({ service: 'Amazon S3' }).expect(200);
      expect(byService.body.pagination.total).toBe(29);
      expect(byService.body.items.every((item: { service: string }) => item.service === 'Amazon S3')).toBe(true);
      const byAccount = await list({ account_id: gcpAccountId, from: day(2), to: day(2) }).expect(200);
      expect(byAccount.body.items.map((item: { amount: number }) => item.amount).sort()).toEqual([0.25, 10.5]);
      const oneDay = await list({ from: day(5), to: day(5) }).expect(200);
      expect(oneDay.body.pagination.total).toBe(5);
      expect(oneDay.body.items.every((item: { date: string }) => item.date === day(5))).toBe(true);
    });

    it('pages with page or offset, without gaps or overlaps', async () => {
      const query = { from: day(10), to: day(1) };
      const all = (await list({ ...query, limit: 200 }).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(all).toHaveLength(10 * 5 + 3);
      const pages: string[] = [];
      for (let page = 1; page <= 3; page++) pages.push(...(await list({ ...query, limit: 20, page }).expect(200)).body.items.map((item: { id: string }) => item.id));
      expect(pages).toEqual(all);
      const fromOffset = await list({ ...query, limit: 5, offset: 7 }).expect(200);
      expect(fromOffset.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(7, 12));
    });

    it('never shows another org’s rows, even when asked for its account', async () => {
      const { body } = await list({ account_id: theirAccountId }).expect(200);
      expect(body).toEqual({ items: [], pagination: { page: 1, limit: 50, total: 0, next_cursor: null } });
      const mine = await list({ limit: 200, from: day(100), to: day(0) }).expect(200);
      expect(mine.body.items.every((item: { account_id: string }) => [awsAccountId, gcpAccountId].includes(item.account_id))).toBe(true);
    });
  });

  describe('date and filter validation', () => {
    it.each([
      ['from after to', { from: '2025-03-02', to: '2025-03-01' }, 'from'],
      ['an impossible date', { from: '2025-02-30', to: '2025-03-01' }, 'from'],
      ['a word for a date', { to: 'yesterday' }, 'to'],
      ['a date and time', { to: '2025-03-01T10:00:00Z' }, 'to'],
      ['a date without padding', { from: '2025-3-1', to: '2025-03-05' }, 'from'],
      ['a range of 367 days', { from: '2024-01-01', to: '2025-01-01' }, '366'],
      ['a default range that would start after its end', { from: '2999-01-01' }, 'from'],
      ['an unknown provider', { provider: 'oracle' }, 'provider'],
      ['a malformed account id', { account_id: '42' }, 'account_id'],
      ['a limit of 201', { limit: 201 }, 'limit'],
      ['an unknown parameter', { sort: 'amount' }, 'property sort should not exist'],
    ])('answers 400 to %s', async (_case, query: Record<string, string | number>, mentioned) => {
      for (const path of ['/costs', '/costs/summary']) {
        if (path === '/costs/summary' && ['provider', 'account_id', 'limit'].some((key) => key in query)) continue;
        const response = await api(test, tenant.tokens.viewer).get(path).query(query);
        expectErrorBody(response, 400);
        expect(errorMessage(response)).toContain(mentioned);
      }
    });

    it('accepts a range of exactly 366 days', async () => {
      const { body } = await api(test, tenant.tokens.viewer).get('/costs/summary').query({ from: '2024-01-01', to: '2024-12-31' }).expect(200);
      expect(body.by_day).toHaveLength(366);
    });
  });

  describe.each(['/costs', '/costs/summary', '/anomaly-alerts', '/recommendations'])('GET %s', (path) => {
    it.each(TENANT_ROLE_LIST)('is open to the %s', async (role) => {
      await api(test, tenant.tokens[role]).get(path).expect(200);
    });

    it('answers 401 without a token and to a staff token', async () => {
      expectErrorBody(await api(test, null).get(path), 401);
      expectErrorBody(await api(test, await staffToken(test)).get(path), 401);
    });
  });

  describe('insights', () => {
    it('lists the org’s anomaly alerts newest first and its recommendations largest saving first, never another org’s', async () => {
      const org = await createTenantOrg(test);
      const accountId = await createAccount(org, 'azure');
      const now = test.clock.nowMilliseconds();
      for (const [hoursAgo, severity] of [[5, 'low'], [1, 'high'], [3, 'medium']] as const) {
        await test.dataSource.query(
          `INSERT INTO anomaly_alerts (org_id, account_id, detected_at, service, expected_amount, actual_amount, severity) VALUES ($1, $2, $3, 'Virtual Machines', 100, 180.5, $4)`,
          [org.orgId, accountId, new Date(now - hoursAgo * 3_600_000), severity],
        );
      }
      for (const savings of [40, 400, 4]) {
        await test.dataSource.query(`INSERT INTO recommendations (org_id, account_id, kind, title, estimated_monthly_savings, created_at) VALUES ($1, $2, 'rightsizing', $3, $4, $5)`, [
          org.orgId,
          accountId,
          `Save ${savings}`,
          savings,
          new Date(now),
        ]);
      }
      await test.dataSource.query(`INSERT INTO recommendations (org_id, account_id, kind, title, estimated_monthly_savings, created_at) VALUES ($1, $2, 'idle', 'Not yours', 9999, $3)`, [
        other.orgId,
        theirAccountId,
        new Date(now),
      ]);

      const alerts = await api(test, org.tokens.viewer).get('/anomaly-alerts').expect(200);
      expect(alerts.body.items.map((item: { severity: string }) => item.severity)).toEqual(['high', 'medium', 'low']);
      expect(alerts.body.items[0]).toEqual({
        id: expect.any(String),
        account_id: accountId,
        detected_at: new Date(now - 3_600_000).toISOString(),
        service: 'Virtual Machines',
        expected_amount: 100,
        actual_amount: 180.5,
        severity: 'high',
        status: 'open',
      });
      expect(alerts.body.pagination).toEqual({ page: 1, limit: 50, total: 3, next_cursor: null });
      const recommendations = await api(test, org.tokens.operator).get('/recommendations').query({ limit: 2 }).expect(200);
      expect(recommendations.body.items.map((item: { estimated_monthly_savings: number }) => item.estimated_monthly_savings)).toEqual([400, 40]);
      expect(recommendations.body.items[0]).toMatchObject({ account_id: accountId, kind: 'rightsizing', title: 'Save 400', status: 'open' });
      expect(recommendations.body.pagination).toMatchObject({ limit: 2, total: 3 });
    });
  });

  // Budgets and alert rules: the same CRUD rules, so one suite for both.
  const RESOURCES = [
    {
      path: '/budgets',
      action: 'budget',
      valid: () => ({ name: 'Monthly cap', amount: 1500.5, period: 'monthly' }),
      change: { amount: 2000 },
      notNullable: ['name', 'amount', 'currency', 'period'],
      invalid: [
        ['a zero amount', { amount: 0 }, 'amount'],
        ['an amount with three decimals', { amount: 1.005 }, 'amount'],
        ['an amount in exponent form', { amount: 1e-7 }, 'amount'],
        ['an amount as text', { amount: '100' }, 'amount'],
        ['an unknown period', { period: 'weekly' }, 'period'],
        ['a lower-case currency', { currency: 'usd' }, 'currency'],
        ['an empty name', { name: '  ' }, 'name'],
        ['a malformed account id', { account_id: 'abc' }, 'account_id'],
        ['an unknown field', { spent: 10 }, 'property spent should not exist'],
      ] as [string, Record<string, unknown>, string][],
      expectedShape: (body: Record<string, unknown>) => ({ id: expect.any(String), name: 'Monthly cap', amount: 1500.5, currency: 'USD', period: 'monthly', account_id: null, created_at: expect.any(String), updated_at: expect.any(String), ...body }),
    },
    {
      path: '/alert-rules',
      action: 'alert_rule',
      valid: () => ({ name: 'Daily spike', metric: 'daily_cost', threshold: 250 }),
      change: { enabled: false },
      notNullable: ['name', 'metric', 'threshold', 'enabled'],
      invalid: [
        ['an unknown metric', { metric: 'cpu' }, 'metric'],
        ['a negative threshold', { threshold: -1 }, 'threshold'],
        ['a threshold with three decimals', { threshold: 1.234 }, 'threshold'],
        // JavaScript writes it 1e-7: class-validator's own decimal check threw on that (a 500, found by the fuzzer).
        ['a threshold in exponent form', { threshold: 1e-7 }, 'threshold'],
        ['a non-boolean enabled', { enabled: 'yes' }, 'enabled'],
        ['an empty name', { name: '' }, 'name'],
        ['an unknown field', { channel: 'email' }, 'property channel should not exist'],
      ] as [string, Record<string, unknown>, string][],
      expectedShape: (body: Record<string, unknown>) => ({ id: expect.any(String), name: 'Daily spike', metric: 'daily_cost', threshold: 250, enabled: true, account_id: null, created_at: expect.any(String), updated_at: expect.any(String), ...body }),
    },
  ];

  describe.each(RESOURCES)('$path', (resource) => {
    const create = async (org: TenantOrg, body: Record<string, unknown> = {}) => (await api(test, org.tokens.operator).post(resource.path).send({ ...resource.valid(), ...body }).expect(201)).body;
    const count = async (orgId: string) => (await test.dataSource.query(`SELECT count(*)::int AS count FROM ${resource.path.slice(1).replace('-', '_')} WHERE org_id = $1`, [orgId]))[0].count;

    it('creates (201), reads, lists, changes and deletes (204), and logs each change', async () => {
      const org = await createTenantOrg(test);
      const operator = api(test, org.tokens.operator);
      const created = await operator.post(resource.path).send(resource.valid()).expect(201);
      expect(created.body).toEqual(resource.expectedShape({}));
      expect((await api(test, org.tokens.viewer).get(`${resource.path}/${created.body.id}`).expect(200)).body).toEqual(created.body);
      expect((await api(test, org.tokens.viewer).get(resource.path).expect(200)).body).toEqual({ items: [created.body], pagination: { page: 1, limit: 50, total: 1, next_cursor: null } });

      const changed = await operator.patch(`${resource.path}/${created.body.id}`).send(resource.change).expect(200);
      expect(changed.body).toEqual(resource.expectedShape({ ...resource.change, id: created.body.id }));
      await operator.delete(`${resource.path}/${created.body.id}`).expect(204);
      expectErrorBody(await operator.get(`${resource.path}/${created.body.id}`), 404);

      const entries = (await orgLog(test, org.tokens.owner)).filter((entry) => entry.action.startsWith(`${resource.action}.`));
      expect(entries.map((entry) => entry.action)).toEqual([`${resource.action}.deleted`, `${resource.action}.updated`, `${resource.action}.created`]);
      expect(entries[1]).toMatchObject({ actor: { id: org.members.operator.id }, target: { type: resource.action, id: created.body.id }, metadata: { after: resource.change } });
    });

    it('scopes an entry to one of the org’s accounts', async () => {
      const org = await createTenantOrg(test);
      const accountId = await createAccount(org, 'aws');
      const created = await create(org, { account_id: accountId });
      expect(created.account_id).toBe(accountId);
      const unscoped = await api(test, org.tokens.admin).patch(`${resource.path}/${created.id}`).send({ account_id: null }).expect(200);
      expect(unscoped.body.account_id).toBeNull();
    });

    it('is read by every role and written by owner, admin and operator only (viewer 403)', async () => {
      const org = await createTenantOrg(test);
      const existing = await create(org);
      for (const role of TENANT_ROLE_LIST) {
        await api(test, org.tokens[role]).get(resource.path).expect(200);
        await api(test, org.tokens[role]).get(`${resource.path}/${existing.id}`).expect(200);
      }
      for (const role of ['owner', 'admin', 'operator'] as const) {
        const mine = (await api(test, org.tokens[role]).post(resource.path).send(resource.valid()).expect(201)).body;
        await api(test, org.tokens[role]).patch(`${resource.path}/${mine.id}`).send(resource.change).expect(200);
        await api(test, org.tokens[role]).delete(`${resource.path}/${mine.id}`).expect(204);
      }
      const viewer = api(test, org.tokens.viewer);
      expectErrorBody(await viewer.post(resource.path).send(resource.valid()), 403);
      expectErrorBody(await viewer.patch(`${resource.path}/${existing.id}`).send(resource.change), 403);
      expectErrorBody(await viewer.delete(`${resource.path}/${existing.id}`), 403);
      for (const token of [null, await staffToken(test)]) {
        expectErrorBody(await api(test, token).get(resource.path), 401);
        expectErrorBody(await api(test, token).post(resource.path).send(resource.valid()), 401);
        expectErrorBody(await api(test, token).delete(`${resource.path}/${existing.id}`), 401);
      }
      expect(await count(org.orgId)).toBe(1);
      expect((await api(test, org.tokens.viewer).get(`${resource.path}/${existing.id}`).expect(200)).body).toEqual(existing);
    });

    it('answers 404 for another org’s entry, and for another org’s account in the body', async () => {
      const org = await createTenantOrg(test);
      const theirs = await create(other);
      const mine = await create(org);
      const owner = api(test, org.tokens.owner);

      expectErrorBody(await owner.get(`${resource.path}/${theirs.id}`), 404);
      expectErrorBody(await owner.patch(`${resource.path}/${theirs.id}`).send(resource.change), 404);
      expectErrorBody(await owner.delete(`${resource.path}/${theirs.id}`), 404);
      expectErrorBody(await owner.post(resource.path).send({ ...resource.valid(), account_id: theirAccountId }), 404);
      expectErrorBody(await owner.post(resource.path).send({ ...resource.valid(), account_id: randomUUID() }), 404);
      expectErrorBody(await owner.patch(`${resource.path}/${mine.id}`).send({ account_id: theirAccountId }), 404);

      expect((await api(test, other.tokens.owner).get(`${resource.path}/${theirs.id}`).expect(200)).body).toEqual(theirs);
      expect((await owner.get(`${resource.path}/${mine.id}`).expect(200)).body.account_id).toBeNull();
      expect(await count(org.orgId)).toBe(1);
    });

    describe('validation', () => {
      // One org for the refusals: each case has an entry of its own and counts what it adds.
      let org: TenantOrg;
      beforeAll(async () => {
        org = await createTenantOrg(test);
      });

      it.each(resource.invalid)('refuses %s with 400, on create and on change', async (_case, changes, mentioned) => {
        const existing = await create(org);
        const before = await count(org.orgId);
        const created = await api(test, org.tokens.owner).post(resource.path).send({ ...resource.valid(), ...changes });
        expectErrorBody(created, 400);
        expect(errorMessage(created)).toContain(mentioned);
        const changed = await api(test, org.tokens.owner).patch(`${resource.path}/${existing.id}`).send(changes);
        expectErrorBody(changed, 400);
        expect(await count(org.orgId)).toBe(before);
        expect((await api(test, org.tokens.owner).get(`${resource.path}/${existing.id}`).expect(200)).body).toEqual(existing);
      });

      it.each(resource.notNullable)('refuses a null %s on change with 400', async (field) => {
        const existing = await create(org);
        const response = await api(test, org.tokens.owner).patch(`${resource.path}/${existing.id}`).send({ [field]: null });
        expectErrorBody(response, 400);
        expect(errorMessage(response)).toContain(field);
        expect((await api(test, org.tokens.owner).get(`${resource.path}/${existing.id}`).expect(200)).body).toEqual(existing);
      });
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expectErrorBody(await api(test, tenant.tokens.owner).get(`${resource.path}/not-a-uuid`), 400);
      expectErrorBody(await api(test, tenant.tokens.owner).delete(`${resource.path}/${randomUUID()}`), 404);
    });
  });
});
