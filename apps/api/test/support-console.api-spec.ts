import request from 'supertest';
import { TenantsHealthService } from '../src/modules/tenants-health/tenants-health.service';
import { createOrganization, createStaff, createTenantUser, signIn } from './support/factories';
import { startIsolatedTestApp } from './support/isolated-schema';
import type { TestApp } from './support/test-app';

const HOUR = 3_600_000;

// Fleet-wide counts need a database of their own: other test files create orgs concurrently.
describe('support console: tenant health, force logout, sessions', () => {
  let isolated: Awaited<ReturnType<typeof startIsolatedTestApp>>;
  let test: TestApp;
  let support: string;
  let superAdmin: string;

  beforeAll(async () => {
    isolated = await startIsolatedTestApp();
    test = isolated.test;
    support = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
    superAdmin = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(() => isolated.close());

  const get = (path: string, token = support) => request(test.http).get(`/api/v1/platform${path}`).auth(token, { type: 'bearer' });

  /** Spreads `calls` (with `errors` of them 5xx) over the hours ending `hoursAgo` before now. */
  async function traffic(orgId: string, hoursAgo: number, hours: number, calls: number, errors: number): Promise<void> {
    const now = test.clock.nowMilliseconds();
    const currentHour = now - (now % HOUR);
    for (let index = 0; index < hours; index++) {
      const hour = new Date(currentHour - (hoursAgo + index) * HOUR);
      const share = (total: number) => Math.floor(total / hours) + (index < total % hours ? 1 : 0);
      await test.dataSource.query(
        'INSERT INTO api_usage_hourly (org_id, hour, calls, errors, client_errors, last_seen_at) VALUES ($1, $2, $3, $4, 0, $2)',
        [orgId, hour, share(calls), share(errors)],
      );
    }
  }

  it('classes every tenant from its traffic, says why, and counts the whole fleet', async () => {
    const healthy = await createOrganization(test, { name: 'Healthy Co' });
    const failing = await createOrganization(test, { name: 'Failing Co' });
    const degraded = await createOrganization(test, { name: 'Degraded Co' });
    const silent = await createOrganization(test, { name: 'Silent Co' });
    const quiet = await createOrganization(test, { name: 'Quiet Co' });
    await traffic(healthy.id, 0, 24, 480, 2);
    await traffic(failing.id, 0, 24, 1000, 124);
    await traffic(degraded.id, 0, 24, 200, 6);
    await traffic(silent.id, 24, 7 * 24, 7 * 300, 0);
    await traffic(quiet.id, 0, 3, 5, 0);
    await test.app.get(TenantsHealthService).refresh();

    const { body } = await get('/tenants/health').expect(200);
    const byName = Object.fromEntries(body.items.map((item: { name: string }) => [item.name, item]));
    expect(byName['Healthy Co']).toMatchObject({ health: 'healthy', api_calls_24h: 480, error_rate: 0.42 });
    expect(byName['Failing Co']).toMatchObject({ health: 'critical', error_rate: 12.4, reason: 'error rate 12.4% ≥ 10% over 1000 calls in 24 h' });
    expect(byName['Degraded Co']).toMatchObject({ health: 'warning', error_rate: 3 });
    expect(byName['Silent Co']).toMatchObject({ health: 'critical', api_calls_24h: 0, error_rate: null });
    expect(byName['Quiet Co']).toMatchObject({ health: 'unknown' });
    expect(body.items[0].health).toBe('critical'); // worst first
    expect(body.stats).toEqual({ total: 5, healthy: 1, warning: 1, critical: 2, unknown: 1 });

    const { body: filtered } = await get('/tenants/health?health=critical&limit=1').expect(200);
    expect(filtered.items).toHaveLength(1);
    expect(filtered.pagination.total).toBe(2);
    expect(filtered.stats.total).toBe(5); // the stats block counts every tenant, not the page
    const { body: searched } = await get(`/tenants/health?search=${failing.id}`).expect(200);
    expect(searched.items.map((item: { org_id: string }) => item.org_id)).toEqual([failing.id]);
    expect((await get('/fleet/health').expect(200)).body).toEqual(body.stats);
    await get('/tenants/health?health=purple').expect(400);

    const { body: detail } = await get(`/tenants/${failing.id}/health`).expect(200);
    expect(detail).toMatchObject({ health: 'critical', api_calls_24h: 1000, errors_24h: 124, error_rate: 12.4 });
    expect(detail.hourly).toHaveLength(48);
    const currentHour = test.clock.nowMilliseconds() - (test.clock.nowMilliseconds() % HOUR);
    expect(Date.parse(detail.hourly[47].hour)).toBe(currentHour);
    expect(detail.hourly.slice(24).reduce((sum: number, point: { calls: number }) => sum + point.calls, 0)).toBe(1000);
    await get('/tenants/00000000-0000-4000-8000-000000000000/health').expect(404);
  });

  it('forces every user of an org out at once, audited in both logs', async () => {
    const organization = await createOrganization(test);
    const first = await signIn(test, await createTenantUser(test, { orgId: organization.id, role: 'owner' }));
    const second = await signIn(test, await createTenantUser(test, { orgId: organization.id, role: 'viewer' }));
    await request(test.http).get('/api/v1/me').auth(first.accessToken, { type: 'bearer' }).expect(200);
    const { body } = await request(test.http).post(`/api/v1/platform/tenants/${organization.id}/force-logout`).auth(support, { type: 'bearer' }).expect(200);
    expect(body).toEqual({ revoked_sessions: 2 });
    await request(test.http).get('/api/v1/me').auth(first.accessToken, { type: 'bearer' }).expect(401);
    await request(test.http).get('/api/v1/me').auth(second.accessToken, { type: 'bearer' }).expect(401);
    const [platform] = await test.dataSource.query("SELECT metadata FROM platform_audit_log WHERE action = 'platform.org_force_logout' AND org_id = $1", [organization.id]);
    expect(platform.metadata).toEqual({ revoked_sessions: 2 });
    expect(await test.dataSource.query("SELECT 1 FROM audit_log WHERE action = 'org.force_logout_by_platform' AND org_id = $1", [organization.id])).toHaveLength(1);
  });

  it('lists active tenant sessions to super_admin only, who can end one; a user ends their own', async () => {
    const organization = await createOrganization(test);
    const user = await createTenantUser(test, { orgId: organization.id, role: 'operator' });
    const laptop = await signIn(test, user);
    const phone = await signIn(test, user);
    await get('/sessions').expect(403);
    const { body } = await get('/sessions', superAdmin).expect(200);
    expect(body.items.find((item: { id: string }) => item.id === phone.sessionId)).toMatchObject({ user_id: user.id, user_email: user.email, org_id: organization.id });
    await request(test.http).delete(`/api/v1/platform/sessions/${phone.sessionId}`).auth(superAdmin, { type: 'bearer' }).expect(204);
    await request(test.http).get('/api/v1/me').auth(phone.accessToken, { type: 'bearer' }).expect(401);
    await request(test.http).delete(`/api/v1/platform/sessions/${phone.sessionId}`).auth(superAdmin, { type: 'bearer' }).expect(404);

    const tablet = await signIn(test, user);
    const { body: mine } = await request(test.http).get('/api/v1/me/sessions').auth(laptop.accessToken, { type: 'bearer' }).expect(200);
    expect(mine.items.map((item: { id: string; current: boolean }) => [item.id, item.current])).toEqual(
      expect.arrayContaining([
        [laptop.sessionId, true],
        [tablet.sessionId, false],
      ]),
    );
    await request(test.http).delete(`/api/v1/me/sessions/${tablet.sessionId}`).auth(laptop.accessToken, { type: 'bearer' }).expect(204);
    await request(test.http).get('/api/v1/me').auth(tablet.accessToken, { type: 'bearer' }).expect(401);
    const stranger = await signIn(test, await createTenantUser(test));
    await request(test.http).delete(`/api/v1/me/sessions/${stranger.sessionId}`).auth(laptop.accessToken, { type: 'bearer' }).expect(404);
  });

  it('keeps the support console from tenants and strangers', async () => {
    const tenant = (await signIn(test, await createTenantUser(test))).accessToken;
    for (const path of ['/tenants/health', '/fleet/health']) {
      await request(test.http).get(`/api/v1/platform${path}`).expect(401);
      await get(path, tenant).expect(401);
      await get(path, superAdmin).expect(200);
    }
  });
});
