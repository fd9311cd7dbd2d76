import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CloudAccount } from '../src/modules/cloud-accounts/cloud-account.entity';
import { CLOUD_COST_PROVIDER, type CloudCostProvider } from '../src/modules/cloud-accounts/providers/cloud-cost-provider';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import {
  api,
  closeTestApp,
  countAccountData,
  createTenantOrg,
  insertAnalysisData,
  orgLog,
  recountedCounters,
  insertSyncJob,
  runSyncHere,
  staffToken,
  storedCounters,
  syncAndWait,
  waitForSyncJob,
  type TenantOrg,
} from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';


const ACCOUNTS = '/cloud-accounts';
// The simulator reports five AWS services a day, and a sync covers the 90 days up to yesterday.
const AWS_SERVICES = 5;
const SYNC_DAYS = 90;

describe('cloud accounts (/api/v1/cloud-accounts)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => closeTestApp(test));

  const externalId = (prefix = 'acct') => `${prefix}-${randomUUID().slice(0, 12)}`;
  const accountRow = (id: string) => test.dataSource.getRepository(CloudAccount).findOneBy({ id });
  const createAccount = async (tenant: TenantOrg, body: Partial<{ name: string; provider: string; external_id: string }> = {}) =>
    (await api(test, tenant.tokens.operator).post(ACCOUNTS).send({ name: 'Production', provider: 'aws', external_id: externalId(), ...body }).expect(201)).body;
  const costRows = (accountId: string): Promise<{ date: string; service: string; amount: string }[]> =>
    test.dataSource.query(`SELECT date::text AS date, service, amount::text AS amount FROM cost_rows WHERE account_id = $1 ORDER BY date, service`, [accountId]);
  // A sync row with no queue job behind it, so that only the test runs it, and the provider it will call.
  const accountWithQueuedSync = async () => {
    const tenant = await createTenantOrg(test);
    const account = await createAccount(tenant);
    return { tenant, account, syncJobId: await insertSyncJob(test, account), provider: test.app.get<CloudCostProvider>(CLOUD_COST_PROVIDER) };
  };
  const syncJobRow = async (id: string): Promise<{ status: string; error: string | null; started_at: Date | null }> =>
    (await test.dataSource.query('SELECT status, error, started_at FROM sync_jobs WHERE id = $1', [id]))[0];

  const ROUTES = ['GET /cloud-accounts', 'GET /cloud-accounts/:id', 'POST /cloud-accounts', 'PATCH /cloud-accounts/:id', 'DELETE /cloud-accounts/:id', 'POST /cloud-accounts/:id/sync'] as const;
  const READS: readonly string[] = ['GET /cloud-accounts', 'GET /cloud-accounts/:id'];
  // A request that the route's admitted roles can make successfully, and a check that a refused one changed nothing.
  const routeCase = async (route: (typeof ROUTES)[number], tenant: TenantOrg) => {
    const account = route === 'POST /cloud-accounts' || route === 'GET /cloud-accounts' ? null : await createAccount(tenant);
    const newExternalId = externalId();
    switch (route) {
      case 'GET /cloud-accounts':
        return { send: (token: string | null) => api(test, token).get(ACCOUNTS), success: 200, assertUnchanged: async () => undefined };
      case 'GET /cloud-accounts/:id':
        return { send: (token: string | null) => api(test, token).get(`${ACCOUNTS}/${account.id}`), success: 200, assertUnchanged: async () => undefined };
      case 'POST /cloud-accounts':
        return {
          send: (token: string | null) => api(test, token).post(ACCOUNTS).send({ name: 'Staging', provider: 'gcp', external_id: newExternalId }),
          success: 201,
          assertUnchanged: async () => expect(await test.dataSource.getRepository(CloudAccount).existsBy({ externalId: newExternalId })).toBe(false),
        };
      case 'PATCH /cloud-accounts/:id':
        return {
          send: (token: string | null) => api(test, token).patch(`${ACCOUNTS}/${account.id}`).send({ name: 'Renamed' }),
          success: 200,
          assertUnchanged: async () => expect((await accountRow(account.id))?.name).toBe('Production'),
        };
      case 'DELETE /cloud-accounts/:id':
        return {
          send: (token: string | null) => api(test, token).delete(`${ACCOUNTS}/${account.id}`),
          success: 204,
          assertUnchanged: async () => expect(await accountRow(account.id)).not.toBeNull(),
        };
      case 'POST /cloud-accounts/:id/sync':
        return {
          send: (token: string | null) => api(test, token).post(`${ACCOUNTS}/${account.id}/sync`),
          success: 202,
          assertUnchanged: async () => expect(await test.dataSource.query('SELECT 1 FROM sync_jobs WHERE account_id = $1', [account.id])).toHaveLength(0),
        };
    }
  };

  describe.each(ROUTES)('%s', (route) => {
    let tenant: TenantOrg;
    beforeAll(async () => {
      tenant = await createTenantOrg(test);
    });

    it.each(['owner', 'admin', 'operator'] as const)('admits the %s', async (role) => {
      const { send, success } = await routeCase(route, tenant);
      expect((await send(tenant.tokens[role])).status).toBe(success);
    });

    it(READS.includes(route) ? 'admits the viewer' : 'answers 403 to the viewer and changes nothing', async () => {
      const { send, success, assertUnchanged } = await routeCase(route, tenant);
      const response = await send(tenant.tokens.viewer);
      if (READS.includes(route)) {
        expect(response.status).toBe(success);
      } else {
        expectErrorBody(response, 403);
        await assertUnchanged();
      }
    });

    it('answers 401 without a token and to a staff token, and changes nothing', async () => {
      const { send, assertUnchanged } = await routeCase(route, tenant);
      expectErrorBody(await send(null), 401);
      expectErrorBody(await send(await staffToken(test)), 401);
      await assertUnchanged();
    });
  });

  describe('another org’s account', () => {
    it('is 404 to GET, PATCH, DELETE and sync, and stays as it was', async () => {
      const tenant = await createTenantOrg(test);
      const other = await createTenantOrg(test);
      const theirs = await createAccount(other);
      const owner = api(test, tenant.tokens.owner);

      expectErrorBody(await owner.get(`${ACCOUNTS}/${theirs.id}`), 404);
      expectErrorBody(await owner.patch(`${ACCOUNTS}/${theirs.id}`).send({ name: 'Mine now' }), 404);
      expectErrorBody(await owner.post(`${ACCOUNTS}/${theirs.id}/sync`), 404);
      expectErrorBody(await owner.delete(`${ACCOUNTS}/${theirs.id}`), 404);
      expectErrorBody(await owner.get(`${ACCOUNTS}/${randomUUID()}`), 404);

      expect(await accountRow(theirs.id)).toMatchObject({ name: 'Production', status: 'pending' });
      expect(await test.dataSource.query('SELECT 1 FROM sync_jobs WHERE account_id = $1', [theirs.id])).toHaveLength(0);
      expect((await owner.get(ACCOUNTS).expect(200)).body.items).toEqual([]);
      expect(await storedCounters(test, other.orgId)).toMatchObject({ account_count: 1 });
    });
  });

  describe('create, list, rename', () => {
    it('connects an account (201) in the pending state and counts it', async () => {
      const tenant = await createTenantOrg(test);
      const id = externalId();
      const response = await api(test, tenant.tokens.operator).post(ACCOUNTS).send({ name: '  Production  ', provider: 'azure', external_id: ` ${id} ` }).expect(201);

      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Production',
        provider: 'azure',
        external_id: id,
        status: 'pending',
        sync_error: null,
        last_synced_at: null,
        cost_row_count: 0,
        created_at: expect.any(String),
      });
      expect((await api(test, tenant.tokens.viewer).get(`${ACCOUNTS}/${response.body.id}`).expect(200)).body).toEqual(response.body);
      expect((await api(test, tenant.tokens.viewer).get('/org').expect(200)).body.account_count).toBe(1);
      const list = await api(test, tenant.tokens.viewer).get(ACCOUNTS).expect(200);
      expect(list.body).toEqual({ items: [response.body], pagination: { page: 1, limit: 50, total: 1, next_cursor: null } });
    });

    it('answers 409 to connecting the same provider account twice in one org, but another org may connect it', async () => {
      const tenant = await createTenantOrg(test);
      const existing = await createAccount(tenant, { provider: 'gcp' });
      expectErrorBody(await api(test, tenant.tokens.owner).post(ACCOUNTS).send({ name: 'Twin', provider: 'gcp', external_id: existing.external_id }), 409);
      await api(test, tenant.tokens.owner).post(ACCOUNTS).send({ name: 'Same id, other cloud', provider: 'aws', external_id: existing.external_id }).expect(201);
      const other = await createTenantOrg(test);
      await api(test, other.tokens.owner).post(ACCOUNTS).send({ name: 'Theirs', provider: 'gcp', external_id: existing.external_id }).expect(201);
      expect(await storedCounters(test, tenant.orgId)).toMatchObject({ account_count: 2 });
    });

    it.each([
      ['an unknown provider', { provider: 'oracle' }, 'provider'],
      ['an external id with spaces', { external_id: 'my account' }, 'external_id'],
      ['an empty name', { name: ' ' }, 'name'],
      ['a missing external id', { external_id: undefined }, 'external_id'],
      ['an unknown field', { status: 'connected' }, 'property status should not exist'],
    ])('refuses %s with 400 and connects nothing', async (_case, changes: Record<string, string | undefined>, mentioned) => {
      const tenant = await createTenantOrg(test);
      const response = await api(test, tenant.tokens.owner).post(ACCOUNTS).send({ name: 'Production', provider: 'aws', external_id: externalId(), ...changes });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      expect(await storedCounters(test, tenant.orgId)).toMatchObject({ account_count: 0 });
      expect((await api(test, tenant.tokens.owner).get(ACCOUNTS).expect(200)).body.items).toEqual([]);
    });

    it('renames an account (200) and refuses other changes or a null name with 400', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      const renamed = await api(test, tenant.tokens.admin).patch(`${ACCOUNTS}/${account.id}`).send({ name: ' Production EU ' }).expect(200);
      expect(renamed.body).toMatchObject({ id: account.id, name: 'Production EU', external_id: account.external_id, status: 'pending' });

      expectErrorBody(await api(test, tenant.tokens.admin).patch(`${ACCOUNTS}/${account.id}`).send({ external_id: 'other-id' }), 400);
      expectErrorBody(await api(test, tenant.tokens.admin).patch(`${ACCOUNTS}/${account.id}`).send({ name: null }), 400);
      expect(await accountRow(account.id)).toMatchObject({ name: 'Production EU', externalId: account.external_id });
    });

    it('pages the list', async () => {
      const tenant = await createTenantOrg(test);
      const created = [];
      for (let index = 0; index < 3; index++) created.push(await createAccount(tenant, { name: `Account ${index}` }));
      const page = await api(test, tenant.tokens.viewer).get(ACCOUNTS).query({ limit: 2, page: 2 }).expect(200);
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([created[2].id]);
      expect(page.body.pagination).toEqual({ page: 2, limit: 2, total: 3, next_cursor: null });
    });
  });

  describe('sync', () => {
    it('queues a sync (202) that the queue runs, writing cost rows and marking the account connected', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);

      const response = await api(test, tenant.tokens.operator).post(`${ACCOUNTS}/${account.id}/sync`).expect(202);
      expect(response.body).toEqual({
        id: expect.any(String),
        account_id: account.id,
        status: 'queued',
        trigger: 'manual',
        rows_written: 0,
        error: null,
        created_at: expect.any(String),
        finished_at: null,
      });
      expect(await waitForSyncJob(test, response.body.id)).toMatchObject({ status: 'succeeded', rows_written: AWS_SERVICES * SYNC_DAYS });

      const { body: synced } = await api(test, tenant.tokens.viewer).get(`${ACCOUNTS}/${account.id}`).expect(200);
      expect(synced).toMatchObject({ status: 'connected', sync_error: null, cost_row_count: AWS_SERVICES * SYNC_DAYS, last_synced_at: expect.any(String) });
      expect(await costRows(account.id)).toHaveLength(AWS_SERVICES * SYNC_DAYS);
      const { body: organization } = await api(test, tenant.tokens.viewer).get('/org').expect(200);
      expect(organization).toMatchObject({ cost_row_count: AWS_SERVICES * SYNC_DAYS, error_count: 0, last_sync_at: synced.last_synced_at });
    });

    it('covers the 90 days up to yesterday, one row per service and day', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      await syncAndWait(test, tenant.tokens.operator, account.id);

      const rows = await costRows(account.id);
      const yesterday = new Date(test.clock.nowMilliseconds() - 86_400_000).toISOString().slice(0, 10);
      const firstDay = new Date(test.clock.nowMilliseconds() - SYNC_DAYS * 86_400_000).toISOString().slice(0, 10);
      expect([rows[0].date, rows[rows.length - 1].date]).toEqual([firstDay, yesterday]);
      expect(new Set(rows.map((row) => row.date)).size).toBe(SYNC_DAYS);
      expect(new Set(rows.map((row) => row.service))).toEqual(new Set(['Amazon EC2', 'Amazon S3', 'Amazon RDS', 'AWS Lambda', 'Amazon CloudFront']));
      expect(rows.every((row) => Number(row.amount) > 0)).toBe(true);
    });

    it('keeps an account that is already waiting on its queued job', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      const [first, second] = [
        await api(test, tenant.tokens.operator).post(`${ACCOUNTS}/${account.id}/sync`).expect(202),
        await api(test, tenant.tokens.admin).post(`${ACCOUNTS}/${account.id}/sync`).expect(202),
      ];
      expect(second.body.id).toBe(first.body.id);
      await waitForSyncJob(test, first.body.id);
      expect(await test.dataSource.query('SELECT id FROM sync_jobs WHERE account_id = $1', [account.id])).toHaveLength(1);
    });

    it('does not duplicate rows when the same period is synced again, and the simulator gives the same amounts', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      await syncAndWait(test, tenant.tokens.operator, account.id);
      const firstRows = await costRows(account.id);
      const countersAfterFirst = await storedCounters(test, tenant.orgId);

      const second = await syncAndWait(test, tenant.tokens.operator, account.id);

      expect(second.status).toBe('succeeded');
      expect(await costRows(account.id)).toEqual(firstRows);
      expect((await accountRow(account.id))?.costRowCount).toBe(String(firstRows.length));
      const countersAfterSecond = await storedCounters(test, tenant.orgId);
      expect(countersAfterSecond.cost_row_count).toBe(countersAfterFirst.cost_row_count);
      expect(countersAfterSecond).toEqual(await recountedCounters(test, tenant.orgId));
      const [synced] = await orgLog(test, tenant.tokens.owner, { action: 'cloud_account.synced' });
      expect(synced.metadata).toMatchObject({ rows_written: firstRows.length, rows_added: 0 });
    });

    it('gives two accounts different, but each stable, amounts', async () => {
      const tenant = await createTenantOrg(test);
      const first = await createAccount(tenant);
      const second = await createAccount(tenant);
      await syncAndWait(test, tenant.tokens.operator, first.id);
      await syncAndWait(test, tenant.tokens.operator, second.id);
      const amounts = async (accountId: string) => (await costRows(accountId)).map((row) => row.amount);
      expect(await amounts(first.id)).not.toEqual(await amounts(second.id));
      expect((await costRows(first.id)).map(({ date, service }) => `${date} ${service}`)).toEqual((await costRows(second.id)).map(({ date, service }) => `${date} ${service}`));
    });

    it('puts an account whose provider refuses into the error state with the provider’s message, counted once', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant, { external_id: 'invalid-123456789012' });

      const job = await syncAndWait(test, tenant.tokens.operator, account.id);

      expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('AccessDeniedException') });
      const { body: failed } = await api(test, tenant.tokens.viewer).get(`${ACCOUNTS}/${account.id}`).expect(200);
      expect(failed).toMatchObject({ status: 'error', sync_error: expect.stringMatching(/not authorized to perform: ce:GetCostAndUsage/), last_synced_at: null, cost_row_count: 0 });
      expect((await storedCounters(test, tenant.orgId)).error_count).toBe(1);

      // Failing again, or renaming it, leaves it in the error state and counted once.
      await syncAndWait(test, tenant.tokens.operator, account.id);
      await api(test, tenant.tokens.operator).patch(`${ACCOUNTS}/${account.id}`).send({ name: 'Renamed' }).expect(200);
      expect(await accountRow(account.id)).toMatchObject({ status: 'error', syncError: failed.sync_error });
      expect(await costRows(account.id)).toEqual([]);
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
      expect((await storedCounters(test, tenant.orgId)).error_count).toBe(1);
    });

    it('finishes a sync when the queue retries it after an unexpected failure, instead of leaving the account syncing', async () => {
      const { tenant, account, syncJobId, provider } = await accountWithQueuedSync();
      const fetch = jest.spyOn(provider, 'fetchDailyCosts').mockRejectedValueOnce(new Error('socket hang up'));
      try {
        await expect(runSyncHere(test, syncJobId)).rejects.toThrow('socket hang up');
        // Handed back to the queue, whose retry runs it again.
        expect((await test.dataSource.query('SELECT status FROM sync_jobs WHERE id = $1', [syncJobId]))[0].status).toBe('queued');
        expect(await accountRow(account.id)).toMatchObject({ status: 'syncing' });

        await runSyncHere(test, syncJobId); // the queue's retry
      } finally {
        fetch.mockRestore();
      }
      expect(await waitForSyncJob(test, syncJobId)).toMatchObject({ status: 'succeeded', rows_written: AWS_SERVICES * SYNC_DAYS });
      expect(await accountRow(account.id)).toMatchObject({ status: 'connected', costRowCount: String(AWS_SERVICES * SYNC_DAYS) });
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
    });

    it('gives a sync up on the queue’s last attempt: the account shows the error instead of syncing for ever', async () => {
      const { tenant, account, syncJobId, provider } = await accountWithQueuedSync();
      const fetch = jest.spyOn(provider, 'fetchDailyCosts').mockRejectedValueOnce(new Error('socket hang up'));
      try {
        await runSyncHere(test, syncJobId, { final: true });
      } finally {
        fetch.mockRestore();
      }
      expect(await syncJobRow(syncJobId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped unexpectedly on each of its 4 attempts/) });
      const { body } = await api(test, tenant.tokens.viewer).get(`${ACCOUNTS}/${account.id}`).expect(200);
      expect(body).toMatchObject({ status: 'error', sync_error: expect.stringMatching(/sync again later/) });
      expect(body.sync_error).not.toMatch(/socket/);
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));

      // Asked again, it syncs.
      expect(await syncAndWait(test, tenant.tokens.operator, account.id)).toMatchObject({ status: 'succeeded' });
      expect(await accountRow(account.id)).toMatchObject({ status: 'connected', syncError: null });
    });

    describe('an attempt whose process died mid-sync', () => {
      // Two minutes further back, to the microsecond (as a time PostgreSQL wrote would be, not JavaScript's milliseconds).
      const backdateStart = (syncJobId: string) => test.dataSource.query(`UPDATE sync_jobs SET started_at = started_at - interval '120.000250 seconds' WHERE id = $1`, [syncJobId]);

      it('is taken over by the queue’s retry once it has outlived its job’s expiry, and not before', async () => {
        const tenant = await createTenantOrg(test);
        const account = await createAccount(tenant);
        const recent = await insertSyncJob(test, account, { status: 'running', startedSecondsAgo: 30 });

        // Thirty seconds in, the attempt may still be alive: a retry leaves it alone.
        await runSyncHere(test, recent);
        expect(await syncJobRow(recent)).toMatchObject({ status: 'running' });
        expect(await costRows(account.id)).toEqual([]);

        await backdateStart(recent);
        await runSyncHere(test, recent);
        expect(await syncJobRow(recent)).toMatchObject({ status: 'succeeded' });
        expect(await accountRow(account.id)).toMatchObject({ status: 'connected', costRowCount: String(AWS_SERVICES * SYNC_DAYS) });
        expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
      });

      it('is replaced when someone asks for a sync, and the org log says it was interrupted', async () => {
        const tenant = await createTenantOrg(test);
        const account = await createAccount(tenant);
        const live = await insertSyncJob(test, account, { status: 'running', startedSecondsAgo: 30 });
        // A sync still within its expiry is the one the account has.
        expect((await api(test, tenant.tokens.operator).post(`${ACCOUNTS}/${account.id}/sync`).expect(202)).body).toMatchObject({ id: live, status: 'running' });

        await backdateStart(live);
        const replacement = await api(test, tenant.tokens.operator).post(`${ACCOUNTS}/${account.id}/sync`).expect(202);
        expect(replacement.body).toMatchObject({ status: 'queued' });
        expect(replacement.body.id).not.toBe(live);
        expect(await syncJobRow(live)).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
        // This app's queue worker runs the new one.
        expect(await waitForSyncJob(test, replacement.body.id)).toMatchObject({ status: 'succeeded', rows_written: AWS_SERVICES * SYNC_DAYS });

        // The queue's retry of the interrupted attempt, coming late, changes nothing.
        await runSyncHere(test, live);
        expect(await syncJobRow(live)).toMatchObject({ status: 'failed' });
        const entries = (await orgLog(test, tenant.tokens.admin)).filter((entry) => entry.action.startsWith('cloud_account.sync')).reverse();
        expect(entries.map((entry) => [entry.action, entry.metadata.sync_job_id])).toEqual([
          ['cloud_account.sync_requested', live],
          ['cloud_account.sync_failed', live],
          ['cloud_account.sync_requested', replacement.body.id],
          ['cloud_account.synced', replacement.body.id],
        ]);
        expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
      });

      it('writes nothing when it comes back after being taken over: one sync, one synced entry', async () => {
        const { tenant, account, syncJobId, provider } = await accountWithQueuedSync();
        const fetchDailyCosts = provider.fetchDailyCosts.bind(provider);
        let takeover: Promise<void> | undefined;
        // The first attempt stalls at the provider past its expiry; the retry takes over and finishes meanwhile.
        const fetch = jest.spyOn(provider, 'fetchDailyCosts').mockImplementationOnce(async (...args) => {
          await test.dataSource.query(`UPDATE sync_jobs SET started_at = started_at - interval '3 minutes' WHERE id = $1`, [syncJobId]);
          takeover = runSyncHere(test, syncJobId);
          await takeover;
          return fetchDailyCosts(...args);
        });
        try {
          await runSyncHere(test, syncJobId);
        } finally {
          fetch.mockRestore();
        }
        expect(takeover).toBeDefined();
        expect(await syncJobRow(syncJobId)).toMatchObject({ status: 'succeeded' });
        expect(await accountRow(account.id)).toMatchObject({ status: 'connected', costRowCount: String(AWS_SERVICES * SYNC_DAYS) });
        const synced = (await orgLog(test, tenant.tokens.admin)).filter((entry) => entry.action === 'cloud_account.synced' && entry.target?.id === account.id);
        expect(synced).toHaveLength(1);
        expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
      });
    });

    it.each([
      ['azure', /AuthorizationFailed/],
      ['gcp', /PERMISSION_DENIED/],
    ])('reports a realistic %s error', async (provider, message) => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant, { provider, external_id: `project-invalid-${randomUUID().slice(0, 6)}` });
      await syncAndWait(test, tenant.tokens.owner, account.id);
      expect((await accountRow(account.id))?.syncError).toMatch(message);
    });
  });

  describe('DELETE', () => {
    it('deletes the account with everything that belongs to it, and the org’s counters drop', async () => {
      const tenant = await createTenantOrg(test);
      const doomed = await createAccount(tenant);
      const kept = await createAccount(tenant, { name: 'Kept' });
      const failing = await createAccount(tenant, { external_id: 'invalid-999' });
      await syncAndWait(test, tenant.tokens.operator, doomed.id);
      await syncAndWait(test, tenant.tokens.operator, failing.id);
      await insertAnalysisData(test, { orgId: tenant.orgId, accountId: doomed.id, userId: tenant.members.viewer.id });
      await insertAnalysisData(test, { orgId: tenant.orgId, accountId: kept.id, userId: tenant.members.viewer.id });
      const operator = api(test, tenant.tokens.operator);
      await operator.post('/budgets').send({ name: 'Doomed budget', amount: 500, period: 'monthly', account_id: doomed.id }).expect(201);
      await operator.post('/alert-rules').send({ name: 'Doomed rule', metric: 'daily_cost', threshold: 50, account_id: doomed.id }).expect(201);
      const orgBudget = await operator.post('/budgets').send({ name: 'Org budget', amount: 5000, period: 'monthly' }).expect(201);
      const orgRule = await operator.post('/alert-rules').send({ name: 'Org rule', metric: 'monthly_cost', threshold: 5000 }).expect(201);
      expect(Object.values(await countAccountData(test, doomed.id)).every((count) => count > 0)).toBe(true);
      expect(await storedCounters(test, tenant.orgId)).toMatchObject({ account_count: 3, error_count: 1, cost_row_count: AWS_SERVICES * SYNC_DAYS });

      await operator.delete(`${ACCOUNTS}/${doomed.id}`).expect(204);

      expectErrorBody(await operator.get(`${ACCOUNTS}/${doomed.id}`), 404);
      expect(Object.values(await countAccountData(test, doomed.id)).every((count) => count === 0)).toBe(true);
      expect(await countAccountData(test, kept.id)).toMatchObject({ anomaly_alerts: 1, recommendations: 1, network_costs: 1, resource_inventory: 1, coverage_data: 1, account_access_grants: 1 });
      await operator.get(`/budgets/${orgBudget.body.id}`).expect(200);
      await operator.get(`/alert-rules/${orgRule.body.id}`).expect(200);
      expect((await api(test, tenant.tokens.viewer).get('/anomaly-alerts').expect(200)).body.items.map((item: { account_id: string }) => item.account_id)).toEqual([kept.id]);
      expect(await storedCounters(test, tenant.orgId)).toMatchObject({ account_count: 2, error_count: 1, cost_row_count: 0 });
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));

      await operator.delete(`${ACCOUNTS}/${failing.id}`).expect(204);
      expect(await storedCounters(test, tenant.orgId)).toMatchObject({ account_count: 1, error_count: 0 });
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
    });

    it('deletes an account whose sync is starting at that moment, without a deadlock', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      const syncJobId = await insertSyncJob(test, account);
      // Another transaction holds the job row, so that the sync's start and the delete both have to wait: they then meet.
      const holder = new Client({ connectionString: process.env.KEEL_TEST_DATABASE_URL });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM sync_jobs WHERE id = $1 FOR UPDATE', [syncJobId]);
        const {
          rows: [{ pid }],
        } = await holder.query('SELECT pg_backend_pid() AS pid');
        const waitingBehind = async (count: number) => {
          for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
            const [{ waiting }] = await test.dataSource.query(
              `WITH RECURSIVE blocked(pid) AS (
                 SELECT a.pid FROM pg_stat_activity a WHERE $1 = ANY(pg_blocking_pids(a.pid))
                 UNION SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid)))
               SELECT count(*)::int AS waiting FROM blocked`,
              [pid],
            );
            if (waiting >= count) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          throw new Error(`Fewer than ${count} transactions came to wait behind the held job row`);
        };
        const sync = runSyncHere(test, syncJobId);
        await waitingBehind(1);
        const removal = api(test, tenant.tokens.operator).delete(`${ACCOUNTS}/${account.id}`).then((response) => response);
        await waitingBehind(2);
        await holder.query('COMMIT');

        await sync;
        expect((await removal).status).toBe(204);
      } finally {
        await holder.end();
      }
      expect(await accountRow(account.id)).toBeNull();
      expect(await costRows(account.id)).toEqual([]);
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
    });

    it('drops a sync that was still queued when the account went', async () => {
      const tenant = await createTenantOrg(test);
      const account = await createAccount(tenant);
      const sync = await api(test, tenant.tokens.operator).post(`${ACCOUNTS}/${account.id}/sync`).expect(202);
      await api(test, tenant.tokens.operator).delete(`${ACCOUNTS}/${account.id}`).expect(204);
      expect(await waitForSyncJob(test, sync.body.id)).toBeNull();
      // When the queue gets to it, the sync finds nothing to do.
      await runSyncHere(test, sync.body.id);
      expect(await costRows(account.id)).toEqual([]);
      expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
    });
  });

  it('writes created, sync_requested, synced, sync_failed and deleted to the org log', async () => {
    const tenant = await createTenantOrg(test);
    const good = await createAccount(tenant, { name: 'Good' });
    const bad = await createAccount(tenant, { name: 'Bad', external_id: 'invalid-42' });
    await syncAndWait(test, tenant.tokens.operator, good.id);
    await syncAndWait(test, tenant.tokens.operator, bad.id);
    await api(test, tenant.tokens.operator).delete(`${ACCOUNTS}/${good.id}`).expect(204);

    const entries = (await orgLog(test, tenant.tokens.admin)).filter((entry) => entry.action.startsWith('cloud_account.')).reverse();
    const operator = { type: 'user', id: tenant.members.operator.id, email: tenant.members.operator.email };
    expect(entries.map((entry) => [entry.action, entry.actor.type, entry.target?.name])).toEqual([
      ['cloud_account.created', 'user', 'Good'],
      ['cloud_account.created', 'user', 'Bad'],
      ['cloud_account.sync_requested', 'user', 'Good'],
      ['cloud_account.synced', 'system', 'Good'],
      ['cloud_account.sync_requested', 'user', 'Bad'],
      ['cloud_account.sync_failed', 'system', 'Bad'],
      ['cloud_account.deleted', 'user', 'Good'],
    ]);
    expect(entries[0]).toMatchObject({ actor: operator, target: { type: 'cloud_account', id: good.id }, metadata: { provider: 'aws', external_id: good.external_id } });
    expect(entries[3].metadata).toMatchObject({ trigger: 'manual', rows_written: AWS_SERVICES * SYNC_DAYS, rows_added: AWS_SERVICES * SYNC_DAYS });
    expect(entries[5].metadata).toMatchObject({ error: expect.stringContaining('AccessDeniedException') });
    expect(entries[6]).toMatchObject({ actor: operator, metadata: { cost_rows_deleted: AWS_SERVICES * SYNC_DAYS } });
  });
});
