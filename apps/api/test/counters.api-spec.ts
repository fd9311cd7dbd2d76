import { randomUUID } from 'node:crypto';
import type { TenantRole } from '@keel/shared';
import { createOrganization, uniqueEmail } from './support/factories';
import { TenantsHealthService } from '../src/modules/tenants-health/tenants-health.service';
import { api, closeTestApp, createTenantOrg, recountedCounters, storedCounters, waitForOrgSyncsToSettle, waitForSyncJob, type TenantOrg } from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';

// Change the seed to explore another sequence; a failure names the seed and lists the operations.
// The default one deletes synced accounts, fails syncs and deletes accounts mid-sync.
const SEED = Number(process.env.KEEL_COUNTERS_SEED ?? 20_251_201);
const OPERATIONS = 60;
const CHECKPOINT_EVERY = 20;

/** mulberry32: a small seeded generator, so that a failing sequence can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('organization counters', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => closeTestApp(test));

  it(`equal a COUNT(*) recount after ${OPERATIONS} random member and cloud-account operations (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const tenant: TenantOrg = await createTenantOrg(test);
    const writers = [tenant.tokens.owner, tenant.tokens.admin, tenant.tokens.operator];
    const members: string[] = [];
    const accounts: { id: string; failing: boolean }[] = [];
    const operations: string[] = [];

    const invite = async () => {
      const role = pick<TenantRole>(['admin', 'operator', 'viewer']);
      const { body } = await api(test, pick([tenant.tokens.owner, tenant.tokens.admin])).post('/org/members').send({ email: uniqueEmail('random'), role }).expect(201);
      members.push(body.id);
      return `invite ${role}`;
    };
    const removeMember = async () => {
      if (members.length === 0) return invite();
      const [id] = members.splice(Math.floor(random() * members.length), 1);
      await api(test, pick([tenant.tokens.owner, tenant.tokens.admin])).delete(`/org/members/${id}`).expect(204);
      return 'remove member';
    };
    const addAccount = async () => {
      const failing = random() < 0.3;
      const provider = pick(['aws', 'azure', 'gcp']);
      const externalId = failing ? `invalid-${randomUUID().slice(0, 8)}` : `acct-${randomUUID().slice(0, 8)}`;
      const { body } = await api(test, pick(writers)).post('/cloud-accounts').send({ name: `Account ${accounts.length}`, provider, external_id: externalId }).expect(201);
      accounts.push({ id: body.id, failing });
      return `add ${provider} account${failing ? ' (failing)' : ''}`;
    };
    const requestSync = async (wait: boolean) => {
      if (accounts.length === 0) return addAccount();
      const account = pick(accounts);
      const { body } = await api(test, pick(writers)).post(`/cloud-accounts/${account.id}/sync`).expect(202);
      if (wait) await waitForSyncJob(test, body.id);
      return `sync ${account.failing ? 'failing' : 'good'} account${wait ? ' and wait' : ''}`;
    };
    // Deleting at once may catch the account's sync queued or running.
    const deleteAccount = async (afterSync: boolean) => {
      if (accounts.length === 0) return addAccount();
      if (afterSync) await requestSync(true);
      const [account] = accounts.splice(Math.floor(random() * accounts.length), 1);
      await api(test, pick(writers)).delete(`/cloud-accounts/${account.id}`).expect(204);
      return `delete ${account.failing ? 'failing' : 'good'} account${afterSync ? ' after a sync' : ''}`;
    };
    const steps: [weight: number, run: () => Promise<string>][] = [
      [3, invite],
      [2, removeMember],
      [4, addAccount],
      [4, () => requestSync(false)],
      [2, () => requestSync(true)],
      [2, () => deleteAccount(false)],
      [2, () => deleteAccount(true)],
    ];
    const totalWeight = steps.reduce((sum, [weight]) => sum + weight, 0);
    const nextStep = () => {
      let draw = random() * totalWeight;
      for (const [weight, run] of steps) {
        draw -= weight;
        if (draw < 0) return run;
      }
      return steps[steps.length - 1][1];
    };

    const expectCountersTrue = async () => {
      await waitForOrgSyncsToSettle(test, tenant.orgId);
      // The operations travel with the counters, so that a failure shows the sequence that led to it.
      expect({ counters: await storedCounters(test, tenant.orgId), operations }).toEqual({ counters: await recountedCounters(test, tenant.orgId), operations });
    };

    for (let index = 1; index <= OPERATIONS; index++) {
      operations.push(await nextStep()());
      if (index % CHECKPOINT_EVERY === 0) await expectCountersTrue();
    }
    await expectCountersTrue();
  });

  it('keeps the counters of other orgs untouched', async () => {
    const tenant = await createTenantOrg(test);
    const bystander = await createTenantOrg(test);
    const before = await storedCounters(test, bystander.orgId);
    const { body: account } = await api(test, tenant.tokens.owner).post('/cloud-accounts').send({ name: 'Prod', provider: 'aws', external_id: `acct-${randomUUID().slice(0, 8)}` }).expect(201);
    const { body: job } = await api(test, tenant.tokens.owner).post(`/cloud-accounts/${account.id}/sync`).expect(202);
    await waitForSyncJob(test, job.id);
    await api(test, tenant.tokens.owner).post('/org/members').send({ email: uniqueEmail('counted'), role: 'viewer' }).expect(201);
    await api(test, tenant.tokens.owner).delete(`/cloud-accounts/${account.id}`).expect(204);
    expect(await storedCounters(test, bystander.orgId)).toEqual(before);
    expect(await storedCounters(test, tenant.orgId)).toEqual(await recountedCounters(test, tenant.orgId));
  });

  // One statement reads both sides in one snapshot, so other test files writing meanwhile cannot skew it.
  const platformTotalsAndRecount = async () =>
    (
      await test.dataSource.query(
        `SELECT (SELECT json_build_object('orgs', sum(organizations), 'users', sum(user_count), 'accounts', sum(account_count), 'cost_rows', sum(cost_row_count), 'errors', sum(error_count)) FROM platform_totals) AS totals,
                (SELECT json_build_object('orgs', count(*), 'users', sum(user_count), 'accounts', sum(account_count), 'cost_rows', sum(cost_row_count), 'errors', sum(error_count)) FROM organizations) AS recount,
                (SELECT json_object_agg(health, orgs ORDER BY health) FROM tenant_health_totals) AS health_totals,
                (SELECT json_object_agg(class, (SELECT count(*) FROM tenant_health WHERE health = class) ORDER BY class) FROM unnest(ARRAY['critical', 'healthy', 'unknown', 'warning']) AS class) AS health_recount,
                (SELECT json_object_agg(week_start, orgs ORDER BY week_start) FROM org_weekly_signups WHERE orgs <> 0) AS weekly_signups,
                (SELECT json_object_agg(week_start, orgs ORDER BY week_start) FROM (
                   SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week_start, count(*) AS orgs FROM organizations GROUP BY 1) weeks) AS weekly_recount`,
      )
    )[0];

  it('keep the platform totals, the fleet health counts and the weekly sign-ups equal to a recount as orgs come, change and go', async () => {
    const tenant = await createTenantOrg(test);
    const { body: account } = await api(test, tenant.tokens.owner).post('/cloud-accounts').send({ name: 'Prod', provider: 'aws', external_id: `acct-${randomUUID().slice(0, 8)}` }).expect(201);
    const { body: job } = await api(test, tenant.tokens.owner).post(`/cloud-accounts/${account.id}/sync`).expect(202);
    await waitForSyncJob(test, job.id);
    await api(test, tenant.tokens.owner).post('/org/members').send({ email: uniqueEmail('totalled'), role: 'viewer' }).expect(201);
    await test.app.get(TenantsHealthService).refresh();
    const gone = await createOrganization(test);
    await test.dataSource.query('DELETE FROM organizations WHERE id = $1', [gone.id]);
    // An org moved to another week (as an import of an older customer would) leaves one week for the other.
    const backdated = await createOrganization(test);
    await test.dataSource.query(`UPDATE organizations SET created_at = created_at - interval '5 weeks' WHERE id = $1`, [backdated.id]);

    const { totals, recount, health_totals: healthTotals, health_recount: healthRecount, weekly_signups: weeklySignups, weekly_recount: weeklyRecount } = await platformTotalsAndRecount();
    expect(Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, Number(value)]))).toEqual(
      Object.fromEntries(Object.entries(recount).map(([key, value]) => [key, Number(value)])),
    );
    expect(healthTotals).toEqual(healthRecount);
    expect(weeklySignups).toEqual(weeklyRecount);
  });
});
