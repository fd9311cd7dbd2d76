import { randomUUID } from 'node:crypto';
import { SyncService } from '../src/modules/cloud-accounts/sync.service';
import { startIsolatedTestApp } from './support/isolated-schema';
import { api, createTenantOrg, insertSyncJob, waitForSyncJob } from './support/tenant-helpers';

// The scheduled sync reaches every account in the database: this file has a schema of its own.
describe('the scheduled sync of every cloud account', () => {
  let isolated: Awaited<ReturnType<typeof startIsolatedTestApp>>;

  beforeAll(async () => {
    isolated = await startIsolatedTestApp();
  });
  afterAll(() => isolated.close());

  it('queues one for each account not already syncing, and replaces an attempt whose process died', async () => {
    const test = isolated.test;
    const tenant = await createTenantOrg(test);
    const create = async (name: string) =>
      (await api(test, tenant.tokens.operator).post('/cloud-accounts').send({ name, provider: 'aws', external_id: `acct-${randomUUID().slice(0, 12)}` }).expect(201)).body;
    const [idle, live, abandoned] = [await create('Idle'), await create('Live'), await create('Abandoned')];
    // Thirty seconds in, an attempt may still be alive; three minutes in, it has outlived its queue job's expiry.
    const liveJob = await insertSyncJob(test, live, { status: 'running', startedSecondsAgo: 30 });
    const abandonedJob = await insertSyncJob(test, abandoned, { status: 'running', startedSecondsAgo: 180 });

    expect(await test.app.get(SyncService).syncAll()).toBe(2);

    const statusOf = async (id: string) => (await test.dataSource.query('SELECT status FROM sync_jobs WHERE id = $1', [id]))[0].status;
    expect([await statusOf(liveJob), await statusOf(abandonedJob)]).toEqual(['running', 'failed']);
    const queued: { id: string; account_id: string; trigger: string }[] = await test.dataSource.query('SELECT id, account_id, trigger FROM sync_jobs WHERE id NOT IN ($1, $2)', [liveJob, abandonedJob]);
    expect(queued.map((job) => [job.account_id, job.trigger]).sort()).toEqual([[idle.id, 'scheduled'], [abandoned.id, 'scheduled']].sort());
    // This app's queue worker runs them.
    for (const job of queued) expect(await waitForSyncJob(test, job.id)).toMatchObject({ status: 'succeeded' });
    const { body } = await api(test, tenant.tokens.viewer).get('/cloud-accounts').expect(200);
    expect(Object.fromEntries(body.items.map((item: { name: string; status: string }) => [item.name, item.status]))).toEqual({ Idle: 'connected', Live: 'syncing', Abandoned: 'connected' });
  });
});
