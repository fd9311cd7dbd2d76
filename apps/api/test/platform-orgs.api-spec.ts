import request from 'supertest';
import { createOrganization, createStaff, createTenantUser, signIn, uniqueEmail } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('platform org administration (/api/v1/platform)', () => {
  let test: TestApp;
  let staffToken: string;

  beforeAll(async () => {
    test = await startTestApp();
    staffToken = (await signIn(test, await createStaff(test))).accessToken;
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  const as = (token: string) => ({
    get: (path: string) => request(test.http).get(`/api/v1/platform${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => request(test.http).post(`/api/v1/platform${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => request(test.http).patch(`/api/v1/platform${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string, body: object = {}) => request(test.http).delete(`/api/v1/platform${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const orgLog = async (orgId: string) => test.dataSource.query('SELECT action FROM audit_log WHERE org_id = $1 ORDER BY seq', [orgId]);
  const platformLog = async (orgId: string) => test.dataSource.query('SELECT action FROM platform_audit_log WHERE org_id = $1 ORDER BY seq', [orgId]);

  it('creates an active org with an invited owner, audited in both logs', async () => {
    const slug = `made-${Date.now()}`;
    const ownerEmail = uniqueEmail('owner');
    const { body } = await as(staffToken).post('/orgs', { name: 'Made By Staff', slug, plan: 'pro', owner_email: ownerEmail }).expect(201);
    expect(body).toMatchObject({ name: 'Made By Staff', slug, plan: 'pro', status: 'active', user_count: 1 });
    const [owner] = await test.dataSource.query('SELECT role, status FROM users WHERE email = $1', [ownerEmail]);
    expect(owner).toEqual({ role: 'owner', status: 'invited' });
    expect(await platformLog(body.id)).toEqual([{ action: 'platform.org_created' }]);
    expect(await orgLog(body.id)).toEqual([{ action: 'org.created_by_platform' }]);
    await as(staffToken).post('/orgs', { name: 'Again', slug, plan: 'pro', owner_email: uniqueEmail() }).expect(409);
  });

  it('lists, searches and sorts orgs, and shows one in detail', async () => {
    const organization = await createOrganization(test, { name: `Zebra ${Date.now()}` });
    await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    const { body: found } = await as(staffToken).get(`/orgs?search=${organization.slug}`).expect(200);
    expect(found.items.map((row: { id: string }) => row.id)).toEqual([organization.id]);
    const { body: byId } = await as(staffToken).get(`/orgs?search=${organization.id}`).expect(200);
    expect(byId.items[0].id).toBe(organization.id);
    const { body: sorted } = await as(staffToken).get('/orgs?sort=-user_count&limit=5').expect(200);
    const counts = sorted.items.map((row: { user_count: number }) => row.user_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await as(staffToken).get('/orgs?sort=password').expect(400);
    const { body: detail } = await as(staffToken).get(`/orgs/${organization.id}`).expect(200);
    expect(detail).toMatchObject({ id: organization.id, users: [expect.objectContaining({ role: 'owner' })], cloud_accounts: [], cost_summary: { total_cost: 0, row_count: 0 } });
    await as(staffToken).get('/orgs/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('suspends an org, ending its sessions at once, and re-enables it', async () => {
    const organization = await createOrganization(test);
    const member = await signIn(test, await createTenantUser(test, { orgId: organization.id, role: 'admin' }));
    await request(test.http).get('/api/v1/me').auth(member.accessToken, { type: 'bearer' }).expect(200);
    await as(staffToken).post(`/orgs/${organization.id}/disable`, {}).expect(400);
    await as(staffToken).post(`/orgs/${organization.id}/disable`, { reason: 'Unpaid invoices' }).expect(200);
    await request(test.http).get('/api/v1/me').auth(member.accessToken, { type: 'bearer' }).expect(403);
    await as(staffToken).post(`/orgs/${organization.id}/enable`).expect(200);
    // The session ended with the suspension: re-enabling does not bring it back.
    await request(test.http).get('/api/v1/me').auth(member.accessToken, { type: 'bearer' }).expect(401);
    expect(await orgLog(organization.id)).toEqual([{ action: 'org.disabled_by_platform' }, { action: 'org.enabled_by_platform' }]);
    await as(staffToken).post(`/orgs/${organization.id}/enable`).expect(409);
  });

  it('approves or rejects only pending sign-ups', async () => {
    const pending = await createOrganization(test, { status: 'pending' });
    await as(staffToken).post(`/orgs/${pending.id}/approve`).expect(200);
    await as(staffToken).post(`/orgs/${pending.id}/approve`).expect(409);
    const other = await createOrganization(test, { status: 'pending' });
    await as(staffToken).post(`/orgs/${other.id}/reject`, { reason: 'Looks like spam' }).expect(200);
    const [{ status }] = await test.dataSource.query('SELECT status FROM organizations WHERE id = $1', [other.id]);
    expect(status).toBe('rejected');
  });

  it('schedules deletion only with the typed slug (body or query), then restores it within the grace', async () => {
    const organization = await createOrganization(test);
    await as(staffToken).delete(`/orgs/${organization.id}`, { confirmation: 'wrong-slug' }).expect(400);
    const { body } = await request(test.http).delete(`/api/v1/platform/orgs/${organization.id}?confirmation=${organization.slug}`).auth(staffToken, { type: 'bearer' }).expect(202);
    const scheduled = Date.parse(body.deletion_scheduled_at);
    expect(scheduled - test.clock.nowMilliseconds()).toBeGreaterThan(6.9 * 86_400_000);
    await as(staffToken).delete(`/orgs/${organization.id}`, { confirmation: organization.slug }).expect(409);
    const { body: restored } = await as(staffToken).post(`/orgs/${organization.id}/restore`).expect(200);
    expect(restored.status).toBe('active');
    expect(await orgLog(organization.id)).toEqual([{ action: 'org.deletion_scheduled_by_platform' }, { action: 'org.deletion_cancelled_by_platform' }]);
  });

  it('changes the plan and the 2FA requirement', async () => {
    const organization = await createOrganization(test, { plan: 'free' });
    const { body } = await as(staffToken).patch(`/orgs/${organization.id}/plan`, { plan: 'enterprise' }).expect(200);
    expect(body.plan).toBe('enterprise');
    await as(staffToken).patch(`/orgs/${organization.id}/plan`, { plan: 'platinum' }).expect(400);
    const member = await signIn(test, await createTenantUser(test, { orgId: organization.id }));
    await test.dataSource.query('UPDATE sessions SET mfa_verified_at = NULL WHERE id = $1', [member.sessionId]);
    await as(staffToken).patch(`/orgs/${organization.id}/require-2fa`, { required: true }).expect(200);
    await request(test.http).get('/api/v1/me').auth(member.accessToken, { type: 'bearer' }).expect(401);
  });

  it('e-mails every owner and admin when contacting an org', async () => {
    const organization = await createOrganization(test);
    await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    await createTenantUser(test, { orgId: organization.id, role: 'admin' });
    await createTenantUser(test, { orgId: organization.id, role: 'viewer' });
    const { body } = await as(staffToken).post(`/orgs/${organization.id}/contact`, { subject: 'Maintenance <tonight>', message: 'We upgrade at 22:00 UTC.' }).expect(202);
    expect(body).toEqual({ recipients: 2 });
    const mails = await test.dataSource.query("SELECT html_body FROM mail_messages WHERE subject = 'Maintenance <tonight>' ORDER BY created_at DESC LIMIT 2");
    expect(mails).toHaveLength(2);
    expect(mails[0].html_body).not.toContain('<tonight>');
  });

  it('answers 401 without a token and 403 to a support_admin on every org route', async () => {
    const support = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
    const organization = await createOrganization(test);
    for (const path of ['/stats', '/growth', '/orgs', `/orgs/${organization.id}`]) {
      await request(test.http).get(`/api/v1/platform${path}`).expect(401);
      await as(support).get(path).expect(403);
    }
    await as(support).post('/orgs', { name: 'X', slug: 'x-x-x', plan: 'free', owner_email: uniqueEmail() }).expect(403);
    await as(support).post(`/orgs/${organization.id}/disable`, { reason: 'no' }).expect(403);
    await as(support).delete(`/orgs/${organization.id}`, { confirmation: organization.slug }).expect(403);
  });

  it('reports stats from the counters and weekly growth with zeros', async () => {
    const { body: stats } = await as(staffToken).get('/stats').expect(200);
    const [recount] = await test.dataSource.query('SELECT count(*)::int AS orgs FROM organizations');
    expect(stats.total_organizations).toBe(recount.orgs);
    const { body: growth } = await as(staffToken).get('/growth?weeks=4').expect(200);
    expect(growth.items).toHaveLength(4);
    expect(growth.items[3].new_orgs).toBeGreaterThan(0);
    await as(staffToken).get('/growth?weeks=0').expect(400);
  });
});
