import request from 'supertest';
import type { OrgStatus } from '@keel/shared';
import { Organization } from '../src/modules/orgs/organization.entity';
import {
  ACCESS_TOKEN_LIFETIME_MILLISECONDS,
  authPath,
  disableAccount,
  forgeWithForeignKey,
  getMe,
  loginForTokens,
  postLogin,
  tokenClaims,
  unsignedCopy,
  WRONG_PASSWORD,
} from './support/auth-helpers';
import { createOrganization, createStaff, createTenantUser, signIn, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenant sign-in and the tenant access token', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  const setOrgStatus = (orgId: string, status: OrgStatus) => test.dataSource.getRepository(Organization).update({ id: orgId }, { status });
  const getTenantMe = (path: string, accessToken: string) => request(test.http).get(path).auth(accessToken, { type: 'bearer' });

  it('signs a tenant user in with a token pair whose access token carries the tenant claims', async () => {
    const user = await createTenantUser(test, { role: 'operator' });
    const response = await postLogin(test, 'tenant', { email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(response.body).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });

    const claims = tokenClaims(response.body.access_token);
    expect(claims).toMatchObject({ iss: expect.any(String), aud: 'tenant', sub: user.id, sid: expect.any(String), role: 'operator', org_id: user.orgId });
    expect((claims.exp as number) - (claims.iat as number)).toBe(ACCESS_TOKEN_LIFETIME_MILLISECONDS / 1000);
  });

  it('describes the caller, org_id included, at auth/me and at its alias /me', async () => {
    const user = await createTenantUser(test, { role: 'admin' });
    const { access_token } = await loginForTokens(test, user);
    const expected = { id: user.id, email: user.email, name: 'Test User', role: 'admin', mfa_enabled: false, org_id: user.orgId };

    const authMe = await getTenantMe('/api/v1/auth/me', access_token).expect(200);
    expect(authMe.body).toEqual(expected);
    const me = await getTenantMe('/api/v1/me', access_token).expect(200);
    expect(me.body).toEqual(expected);
  });

  it('answers a wrong tenant password and an unknown e-mail with the same 401', async () => {
    const user = await createTenantUser(test);
    const wrongPassword = await postLogin(test, 'tenant', { email: user.email, password: WRONG_PASSWORD }).expect(401);
    const unknownEmail = await postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }).expect(401);
    expect(wrongPassword.body.message).toEqual(unknownEmail.body.message);
  });

  describe.each<[OrgStatus, RegExp]>([
    ['pending', /approv|pending/i],
    ['suspended', /suspended/i],
    ['rejected', /rejected/i],
    ['pending_deletion', /deletion/i],
  ])('an org that is %s', (status, namesTheStatus) => {
    it('refuses the right password with a 403 that says why', async () => {
      const organization = await createOrganization(test, { status });
      const user = await createTenantUser(test, { orgId: organization.id });
      const response = await postLogin(test, 'tenant', { email: user.email, password: TEST_PASSWORD }).expect(403);
      expect(response.body.message).toMatch(namesTheStatus);
      expect(response.body.access_token).toBeUndefined();
    });

    it('answers a wrong password with the ordinary 401, revealing nothing about the org', async () => {
      const organization = await createOrganization(test, { status });
      const user = await createTenantUser(test, { orgId: organization.id });
      const wrongPassword = await postLogin(test, 'tenant', { email: user.email, password: WRONG_PASSWORD }).expect(401);
      const unknownEmail = await postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }).expect(401);
      expect(wrongPassword.body.message).toEqual(unknownEmail.body.message);
      expect(wrongPassword.body.message).not.toMatch(namesTheStatus);
    });
  });

  // SPEC §3: a suspended or pending-deletion org → 403 on every API request, checked before the session.
  it.each<[OrgStatus, RegExp]>([
    ['suspended', /suspended/i],
    ['pending_deletion', /deletion/i],
  ])('stops an already-issued tenant token with 403 once its org is %s', async (status, namesTheStatus) => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);
    await getTenantMe('/api/v1/me', access_token).expect(200);

    // Changed behind this replica's back (as by another replica): it applies once the session check ages out.
    await setOrgStatus(user.orgId!, status);
    test.clock.advance(test.config.sessionCheckCacheMilliseconds);
    const refused = await getTenantMe('/api/v1/me', access_token).expect(403);
    expect(refused.body.message).toMatch(namesTheStatus);
    await getTenantMe('/api/v1/auth/me', access_token).expect(403);
  });

  it('applies a suspension made through this replica to the very next request, though the session check was just reused', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);
    await getTenantMe('/api/v1/me', access_token).expect(200);
    await getTenantMe('/api/v1/me', access_token).expect(200);
    const staff = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
    await request(test.http).post(`/api/v1/platform/orgs/${user.orgId}/disable`).auth(staff, { type: 'bearer' }).send({ reason: 'Unpaid invoices since March' }).expect(200);
    await getTenantMe('/api/v1/me', access_token).expect(403);
  });

  it('checks the org status before the session: a revoked session of a suspended org answers 403, and 401 once the org is active again', async () => {
    const user = await createTenantUser(test);
    const { accessToken } = await signIn(test, user);
    await request(test.http).post(authPath('tenant', 'logout')).auth(accessToken, { type: 'bearer' }).send({}).expect(200);
    await getTenantMe('/api/v1/me', accessToken).expect(401);
    await setOrgStatus(user.orgId!, 'suspended');

    const suspended = await getTenantMe('/api/v1/me', accessToken).expect(403);
    expect(suspended.body.message).toMatch(/suspended/i);

    await setOrgStatus(user.orgId!, 'active');
    await getTenantMe('/api/v1/me', accessToken).expect(401);
  });

  it('rejects a staff token on tenant routes with 401', async () => {
    const staff = await createStaff(test);
    const { accessToken } = await signIn(test, staff);
    await request(test.http).get('/api/v1/platform/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);

    await getTenantMe('/api/v1/auth/me', accessToken).expect(401);
    await getTenantMe('/api/v1/me', accessToken).expect(401);
    await request(test.http).post(authPath('tenant', 'password')).auth(accessToken, { type: 'bearer' }).send({ current_password: TEST_PASSWORD, new_password: `${TEST_PASSWORD}!` }).expect(401);
  });

  it('rejects a tenant token on staff routes with 401', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);

    await getMe(test, 'platform', access_token).expect(401);
    await request(test.http).post(authPath('platform', 'password')).auth(access_token, { type: 'bearer' }).send({ current_password: TEST_PASSWORD, new_password: `${TEST_PASSWORD}!` }).expect(401);
  });

  it('rejects a token signed with another EC key, even under the real key id and with the real claims', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);
    await getTenantMe('/api/v1/me', access_token).expect(200);

    await getTenantMe('/api/v1/me', forgeWithForeignKey(access_token)).expect(401);
    await getTenantMe('/api/v1/me', forgeWithForeignKey(access_token, { role: 'owner' })).expect(401);
  });

  it('rejects an unsigned token (alg none) carrying real claims', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);

    await getTenantMe('/api/v1/me', unsignedCopy(access_token)).expect(401);
    await getTenantMe('/api/v1/auth/me', unsignedCopy(access_token)).expect(401);
  });

  it('rejects garbage, truncated and missing tokens with 401', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);
    const [header, payload] = access_token.split('.');

    for (const garbage of ['garbage', 'a.b.c', `${header}.${payload}`, `${header}.${payload}.`, `${access_token}x`]) {
      await getTenantMe('/api/v1/me', garbage).expect(401);
    }
    await request(test.http).get('/api/v1/me').expect(401);
    await request(test.http).get('/api/v1/me').set('Authorization', `Basic ${access_token}`).expect(401);
  });

  it('refuses a disabled tenant user with the right password with 403, and a wrong password with 401', async () => {
    const user = await createTenantUser(test);
    await disableAccount(test, user);

    const refused = await postLogin(test, 'tenant', { email: user.email, password: TEST_PASSWORD }).expect(403);
    expect(refused.body.message).toMatch(/disabled/i);
    expect(refused.body.access_token).toBeUndefined();
    await postLogin(test, 'tenant', { email: user.email, password: WRONG_PASSWORD }).expect(401);
  });

  it('refuses a disabled staff member with the right password with 403', async () => {
    const staff = await createStaff(test, { status: 'disabled' });
    const refused = await postLogin(test, 'platform', { email: staff.email, password: TEST_PASSWORD }).expect(403);
    expect(refused.body.message).toMatch(/disabled/i);
  });

  it('rejects a tenant access token once its 15 minutes have passed', async () => {
    const user = await createTenantUser(test);
    const { access_token } = await loginForTokens(test, user);
    test.clock.advance(ACCESS_TOKEN_LIFETIME_MILLISECONDS + 1_000);
    await getTenantMe('/api/v1/me', access_token).expect(401);
  });
});
