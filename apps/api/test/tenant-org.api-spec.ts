import { randomUUID } from 'node:crypto';
import { Organization } from '../src/modules/orgs/organization.entity';
import { User } from '../src/modules/users/user.entity';
import { loginForTokens, postLogin, postRefresh } from './support/auth-helpers';
import { createTenantUser, signIn, TEST_PASSWORD } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { addMember, api, closeTestApp, createTenantOrg, orgLog, staffToken, type TenantOrg } from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('the tenant org (/api/v1/org)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => closeTestApp(test));

  const organization = (id: string) => test.dataSource.getRepository(Organization).findOneByOrFail({ id });
  const userRow = (id: string) => test.dataSource.getRepository(User).findOneByOrFail({ id });

  describe('GET /org', () => {
    it.each(['owner', 'admin', 'operator', 'viewer'] as const)('shows the %s their own organization with its settings and counters', async (role) => {
      const tenant = await createTenantOrg(test);
      const stored = await organization(tenant.orgId);

      const response = await api(test, tenant.tokens[role]).get('/org').expect(200);

      expect(response.body).toEqual({
        id: tenant.orgId,
        name: stored.name,
        slug: stored.slug,
        plan: stored.plan,
        status: 'active',
        require_2fa: false,
        allow_platform_impersonation: true,
        user_count: 4,
        account_count: 0,
        error_count: 0,
        cost_row_count: 0,
        last_sync_at: null,
        created_at: stored.createdAt.toISOString(),
      });
    });

    it('answers 401 without a token and to a staff token', async () => {
      expectErrorBody(await api(test, null).get('/org'), 401);
      expectErrorBody(await api(test, await staffToken(test)).get('/org'), 401);
    });
  });

  describe('PATCH /org/settings', () => {
    let tenant: TenantOrg;
    beforeEach(async () => {
      tenant = await createTenantOrg(test);
    });

    it('lets the owner rename the org (trimmed), and logs org.settings_updated with the names before and after', async () => {
      const before = (await organization(tenant.orgId)).name;
      const response = await api(test, tenant.tokens.owner).patch('/org/settings').send({ name: '  Acme Cloud  ' }).expect(200);

      expect(response.body).toMatchObject({ id: tenant.orgId, name: 'Acme Cloud', require_2fa: false, allow_platform_impersonation: true });
      expect((await api(test, tenant.tokens.viewer).get('/org').expect(200)).body.name).toBe('Acme Cloud');
      const [entry] = await orgLog(test, tenant.tokens.owner, { action: 'org.settings_updated' });
      expect(entry).toMatchObject({
        actor: { type: 'user', id: tenant.members.owner.id, email: tenant.members.owner.email },
        target: { type: 'organization', id: tenant.orgId, name: 'Acme Cloud' },
        metadata: { before: { name: before }, after: { name: 'Acme Cloud' } },
      });
    });

    it('lets an admin rename the org', async () => {
      await api(test, tenant.tokens.admin).patch('/org/settings').send({ name: 'Renamed by admin' }).expect(200);
      expect((await organization(tenant.orgId)).name).toBe('Renamed by admin');
    });

    it.each([
      ['require_2fa', { require_2fa: true }],
      ['allow_platform_impersonation', { allow_platform_impersonation: false }],
      ['an owner-only flag together with a name', { name: 'Sneaky rename', allow_platform_impersonation: false }],
    ])('refuses %s to an admin with 403 and changes nothing', async (_case, body) => {
      const before = await organization(tenant.orgId);
      const response = await api(test, tenant.tokens.admin).patch('/org/settings').send(body);
      expectErrorBody(response, 403);
      expect(errorMessage(response)).toMatch(/owner/i);
      expect(await organization(tenant.orgId)).toMatchObject({ name: before.name, requireTwoFactor: false, allowPlatformImpersonation: true });
    });

    it.each(['operator', 'viewer'] as const)('refuses the %s with 403 and changes nothing', async (role) => {
      const before = (await organization(tenant.orgId)).name;
      expectErrorBody(await api(test, tenant.tokens[role]).patch('/org/settings').send({ name: 'Nope' }), 403);
      expectErrorBody(await api(test, tenant.tokens[role]).patch('/org/settings').send({ require_2fa: true }), 403);
      expect(await organization(tenant.orgId)).toMatchObject({ name: before, requireTwoFactor: false });
    });

    it('answers 401 without a token and to a staff token', async () => {
      expectErrorBody(await api(test, null).patch('/org/settings').send({ name: 'Nope' }), 401);
      expectErrorBody(await api(test, await staffToken(test)).patch('/org/settings').send({ name: 'Nope' }), 401);
    });

    it('logs turning support sessions off and on under their own action names', async () => {
      const off = await api(test, tenant.tokens.owner).patch('/org/settings').send({ allow_platform_impersonation: false }).expect(200);
      expect(off.body.allow_platform_impersonation).toBe(false);
      expect((await organization(tenant.orgId)).allowPlatformImpersonation).toBe(false);
      await api(test, tenant.tokens.owner).patch('/org/settings').send({ allow_platform_impersonation: true }).expect(200);

      const entries = await orgLog(test, tenant.tokens.owner);
      const actions = entries.filter((entry) => entry.action.startsWith('org.')).map((entry) => entry.action);
      expect(actions).toEqual(['org.platform_impersonation_enabled', 'org.platform_impersonation_disabled']);
      expect(entries[1]).toMatchObject({ actor: { id: tenant.members.owner.id }, metadata: { before: { allow_platform_impersonation: true }, after: { allow_platform_impersonation: false } } });
    });

    it.each([
      ['an unknown field', { plan: 'enterprise' }, 'property plan should not exist'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['a non-boolean flag', { require_2fa: 'yes' }, 'require_2fa'],
      ['a null name', { name: null }, 'name'],
      ['a null flag', { require_2fa: null }, 'require_2fa'],
    ])('refuses %s with 400 and changes nothing', async (_case, body, mentioned) => {
      const before = await organization(tenant.orgId);
      const response = await api(test, tenant.tokens.owner).patch('/org/settings').send(body);
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      expect(await organization(tenant.orgId)).toMatchObject({ name: before.name, plan: before.plan, requireTwoFactor: false });
    });
  });

  describe('require_2fa', () => {
    it('ends the sessions that did not pass MFA, and the next sign-in asks for enrollment', async () => {
      const tenant = await createTenantOrg(test);
      const member = await addMember(test, tenant.orgId, 'operator');
      // A real password sign-in: this session has not passed MFA.
      const memberTokens = await loginForTokens(test, member);
      await api(test, memberTokens.access_token).get('/org').expect(200);

      const response = await api(test, tenant.tokens.owner).patch('/org/settings').send({ require_2fa: true }).expect(200);
      expect(response.body.require_2fa).toBe(true);

      expectErrorBody(await api(test, memberTokens.access_token).get('/org'), 401);
      await postRefresh(test, 'tenant', memberTokens.refresh_token).expect(401);
      const login = await postLogin(test, 'tenant', { email: member.email, password: TEST_PASSWORD }).expect(200);
      expect(login.body).toEqual({ mfa_enrollment_required: true, mfa_token: expect.any(String) });
      // The owner's session passed MFA and goes on.
      await api(test, tenant.tokens.owner).get('/org').expect(200);
      const [entry] = await orgLog(test, tenant.tokens.owner, { action: 'org.settings_updated' });
      expect(entry.metadata).toMatchObject({ after: { require_2fa: true }, sessions_without_mfa_ended: 1 });
    });

    it('leaves the sessions of other orgs alone', async () => {
      const tenant = await createTenantOrg(test);
      const other = await createTenantOrg(test);
      const outsider = await addMember(test, other.orgId, 'viewer');
      const outsiderTokens = await loginForTokens(test, outsider);
      await api(test, tenant.tokens.owner).patch('/org/settings').send({ require_2fa: true }).expect(200);
      await api(test, outsiderTokens.access_token).get('/org').expect(200);
      expect((await organization(other.orgId)).requireTwoFactor).toBe(false);
    });
  });

  describe('POST /org/transfer-ownership', () => {
    it('makes the member an owner and the caller an admin, and ends both their sessions', async () => {
      const tenant = await createTenantOrg(test);
      const target = tenant.members.operator;
      const targetSession = await signIn(test, target);

      const response = await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send({ user_id: target.id }).expect(200);

      expect(response.body).toEqual({ success: true });
      expect((await userRow(target.id)).role).toBe('owner');
      expect((await userRow(tenant.members.owner.id)).role).toBe('admin');
      expectErrorBody(await api(test, tenant.tokens.owner).get('/org'), 401);
      expectErrorBody(await api(test, targetSession.accessToken).get('/org'), 401);
      expectErrorBody(await api(test, tenant.tokens.operator).get('/org'), 401);

      // Signed in again, each has the new role: the former owner can no longer do owner-only things.
      const formerOwner = await signIn(test, { ...tenant.members.owner, role: 'admin' });
      const newOwner = await signIn(test, { ...target, role: 'owner' });
      expectErrorBody(await api(test, formerOwner.accessToken).patch('/org/settings').send({ require_2fa: true }), 403);
      await api(test, newOwner.accessToken).patch('/org/settings').send({ allow_platform_impersonation: false }).expect(200);
      const [entry] = await orgLog(test, newOwner.accessToken, { action: 'org.ownership_transferred' });
      expect(entry).toMatchObject({ actor: { id: tenant.members.owner.id }, target: { type: 'user', id: target.id, name: target.email } });
    });

    it.each(['admin', 'operator', 'viewer'] as const)('refuses the %s with 403 and changes nothing', async (role) => {
      const tenant = await createTenantOrg(test);
      const response = await api(test, tenant.tokens[role]).post('/org/transfer-ownership').send({ user_id: tenant.members[role].id });
      expectErrorBody(response, 403);
      expect((await userRow(tenant.members[role].id)).role).toBe(role);
      expect((await userRow(tenant.members.owner.id)).role).toBe('owner');
    });

    it('answers 401 without a token and to a staff token', async () => {
      const tenant = await createTenantOrg(test);
      expectErrorBody(await api(test, null).post('/org/transfer-ownership').send({ user_id: tenant.members.admin.id }), 401);
      expectErrorBody(await api(test, await staffToken(test)).post('/org/transfer-ownership').send({ user_id: tenant.members.admin.id }), 401);
      expect((await userRow(tenant.members.admin.id)).role).toBe('admin');
    });

    it('answers 404 for a user of another org and for an unknown id, and changes nothing', async () => {
      const tenant = await createTenantOrg(test);
      const stranger = await createTenantUser(test, { role: 'viewer' });
      expectErrorBody(await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send({ user_id: stranger.id }), 404);
      expectErrorBody(await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send({ user_id: randomUUID() }), 404);
      expect((await userRow(stranger.id)).role).toBe('viewer');
      expect((await userRow(tenant.members.owner.id)).role).toBe('owner');
      await api(test, tenant.tokens.owner).get('/org').expect(200);
    });

    // Refusals of the request itself, not of the caller's role: any 4xx will do, with a message that says why.
    it('refuses a member who has not accepted their invitation, and keeps the caller owner', async () => {
      const tenant = await createTenantOrg(test);
      const invited = await api(test, tenant.tokens.owner).post('/org/members').send({ email: `invitee-${randomUUID().slice(0, 8)}@example.test`, role: 'admin' }).expect(201);
      const response = await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send({ user_id: invited.body.id });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(errorMessage(response)).toMatch(/accepted their invitation/);
      expect((await userRow(invited.body.id)).role).toBe('admin');
      expect((await userRow(tenant.members.owner.id)).role).toBe('owner');
      await api(test, tenant.tokens.owner).get('/org').expect(200);
    });

    it('refuses a transfer to the caller, and keeps their session', async () => {
      const tenant = await createTenantOrg(test);
      const response = await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send({ user_id: tenant.members.owner.id });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(errorMessage(response)).toMatch(/already own/);
      expect((await userRow(tenant.members.owner.id)).role).toBe('owner');
      await api(test, tenant.tokens.owner).get('/org').expect(200);
    });

    it.each([
      ['a malformed user_id', { user_id: 'not-a-uuid' }],
      ['a missing user_id', {}],
      ['an unknown field', { user_id: randomUUID(), keep_owner: true }],
    ])('refuses %s with 400', async (_case, body) => {
      const tenant = await createTenantOrg(test);
      expectErrorBody(await api(test, tenant.tokens.owner).post('/org/transfer-ownership').send(body), 400);
      expect((await userRow(tenant.members.owner.id)).role).toBe('owner');
    });
  });
});
