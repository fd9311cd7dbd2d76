import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PlatformUser } from '../src/modules/staff/platform-user.entity';
import { MailMessage } from '../src/modules/mail/mail-message.entity';
import { createStaff, createTenantUser, signIn, uniqueEmail, type TestAccount } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { startIsolatedTestApp } from './support/isolated-schema';
import { startTestApp, type TestApp } from './support/test-app';

const USERS = '/api/v1/platform/users';

describe('staff management (/api/v1/platform/users)', () => {
  let test: TestApp;
  let superAdminToken: string;
  let supportAdminToken: string;
  let tenantToken: string;

  beforeAll(async () => {
    test = await startTestApp();
    superAdminToken = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
    supportAdminToken = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
    tenantToken = (await signIn(test, await createTenantUser(test, { role: 'owner' }))).accessToken;
  });
  afterAll(() => test.close());

  const staffRow = (id: string) => test.dataSource.getRepository(PlatformUser).findOneByOrFail({ id });
  const me = (token: string) => request(test.http).get('/api/v1/platform/auth/me').auth(token, { type: 'bearer' });

  // Each route with a request a super_admin could make successfully, and a check that it had no effect.
  // Built afresh per test, so that one test's target is not another's.
  interface RouteCase {
    send: (token: string | null) => Promise<request.Response>;
    assertUnchanged: () => Promise<void>;
  }
  const ROUTES = ['GET /platform/users', 'POST /platform/users', 'PATCH /platform/users/:id/role', 'POST /platform/users/:id/disable'] as const;
  const routeCase = (route: (typeof ROUTES)[number]): RouteCase => {
    const authorize = (pending: request.Test, token: string | null) => (token ? pending.auth(token, { type: 'bearer' }) : pending);
    const email = uniqueEmail('denied');
    let target: TestAccount | undefined;
    const theTarget = async () => (target ??= await createStaff(test, { role: 'support_admin' }));
    switch (route) {
      case 'GET /platform/users':
        return { send: (token) => authorize(request(test.http).get(USERS), token), assertUnchanged: async () => undefined };
      case 'POST /platform/users':
        return {
          send: (token) => authorize(request(test.http).post(USERS), token).send({ email, name: 'Denied Person', role: 'super_admin' }),
          assertUnchanged: async () => expect(await test.dataSource.getRepository(PlatformUser).existsBy({ email })).toBe(false),
        };
      case 'PATCH /platform/users/:id/role':
        return {
          send: async (token) => authorize(request(test.http).patch(`${USERS}/${(await theTarget()).id}/role`), token).send({ role: 'super_admin' }),
          assertUnchanged: async () => expect((await staffRow((await theTarget()).id)).role).toBe('support_admin'),
        };
      case 'POST /platform/users/:id/disable':
        return {
          send: async (token) => authorize(request(test.http).post(`${USERS}/${(await theTarget()).id}/disable`), token),
          assertUnchanged: async () => expect((await staffRow((await theTarget()).id)).status).toBe('active'),
        };
    }
  };

  describe.each(ROUTES)('%s', (route) => {
    it('answers 401 without a token and changes nothing', async () => {
      const { send, assertUnchanged } = routeCase(route);
      expectErrorBody(await send(null), 401);
      await assertUnchanged();
    });

    it('answers 401 to a tenant token and changes nothing', async () => {
      const { send, assertUnchanged } = routeCase(route);
      expectErrorBody(await send(tenantToken), 401);
      await assertUnchanged();
    });

    it('answers 403 to a support_admin and changes nothing', async () => {
      const { send, assertUnchanged } = routeCase(route);
      expectErrorBody(await send(supportAdminToken), 403);
      await assertUnchanged();
    });

    it('admits a super_admin', async () => {
      const response = await routeCase(route).send(superAdminToken);
      expect(response.status).toBe(route === 'POST /platform/users' ? 201 : 200);
    });
  });

  describe('GET (list)', () => {
    it('lists staff as {items, pagination: {page, limit, total, next_cursor}}', async () => {
      const known = await createStaff(test, { role: 'support_admin' });
      const countBefore = await test.dataSource.getRepository(PlatformUser).count();
      const response = await request(test.http).get(USERS).query({ limit: 200 }).auth(superAdminToken, { type: 'bearer' }).expect(200);
      const countAfter = await test.dataSource.getRepository(PlatformUser).count();

      expect(Object.keys(response.body).sort()).toEqual(['items', 'pagination']);
      expect(response.body.pagination).toEqual({ page: 1, limit: 200, total: expect.any(Number), next_cursor: null });
      // Other test files add staff concurrently: the total lies between the counts taken around the request.
      expect(response.body.pagination.total).toBeGreaterThanOrEqual(countBefore);
      expect(response.body.pagination.total).toBeLessThanOrEqual(countAfter);
      expect(response.body.items.length).toBe(Math.min(200, response.body.pagination.total));
      const first = response.body.items[0];
      expect(Object.keys(first).sort()).toEqual(['created_at', 'email', 'id', 'last_login_at', 'mfa_enabled', 'name', 'role', 'status']);
      expect(response.body.items.some((item: { id: string }) => item.id === known.id) || countBefore > 200).toBe(true);
    });

    it('defaults to 50 a page', async () => {
      const response = await request(test.http).get(USERS).auth(superAdminToken, { type: 'bearer' }).expect(200);
      expect(response.body.pagination).toMatchObject({ page: 1, limit: 50 });
      expect(response.body.items.length).toBe(Math.min(50, response.body.pagination.total));
    });

    it('pages through staff in a stable order with page and offset', async () => {
      await createStaff(test, { role: 'support_admin' });
      await createStaff(test, { role: 'support_admin' });
      await createStaff(test, { role: 'support_admin' });
      const get = (query: Record<string, number>) => request(test.http).get(USERS).query(query).auth(superAdminToken, { type: 'bearer' }).expect(200);
      const ids = (response: request.Response) => response.body.items.map((item: { id: string }) => item.id);

      const firstPage = await get({ page: 1, limit: 2 });
      const secondPage = await get({ page: 2, limit: 2 });
      const fromOffset = await get({ offset: 1, limit: 2 });

      expect(ids(firstPage)).toHaveLength(2);
      expect(ids(secondPage)).toHaveLength(2);
      expect(secondPage.body.pagination).toMatchObject({ page: 2, limit: 2 });
      expect(ids(secondPage).filter((id: string) => ids(firstPage).includes(id))).toEqual([]);
      expect(ids(fromOffset)).toEqual([ids(firstPage)[1], ids(secondPage)[0]]);
    });

    it.each([['201'], ['0'], ['-1'], ['abc']])('refuses limit=%s with 400', async (limit) => {
      const response = await request(test.http).get(USERS).query({ limit }).auth(superAdminToken, { type: 'bearer' });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('limit');
    });

    it('accepts the largest page size, limit=200', async () => {
      await request(test.http).get(USERS).query({ limit: 200 }).auth(superAdminToken, { type: 'bearer' }).expect(200);
    });
  });

  describe('POST (invite)', () => {
    it('creates an invited staff member (201) and mails them an invitation', async () => {
      const email = uniqueEmail('invitee');
      const response = await request(test.http)
        .post(USERS)
        .auth(superAdminToken, { type: 'bearer' })
        .send({ email: `  ${email.toUpperCase()} `, name: '  New Colleague ', role: 'support_admin' })
        .expect(201);

      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email,
        name: 'New Colleague',
        role: 'support_admin',
        status: 'invited',
        mfa_enabled: false,
        last_login_at: null,
        created_at: expect.any(String),
      });
      expect(new Date(response.body.created_at).toISOString()).toBe(response.body.created_at);
      expect(await staffRow(response.body.id)).toMatchObject({ email, role: 'support_admin', status: 'invited', passwordHash: null });
      const mails = await test.dataSource.getRepository(MailMessage).findBy({ to: email });
      expect(mails.map((mail) => mail.template)).toEqual(['invitation']);
    });

    it('answers 409 for an e-mail that is already taken, whatever its case', async () => {
      const existing = await createStaff(test, { role: 'support_admin' });
      const response = await request(test.http)
        .post(USERS)
        .auth(superAdminToken, { type: 'bearer' })
        .send({ email: existing.email.toUpperCase(), name: 'Twin', role: 'super_admin' });
      expectErrorBody(response, 409);
      expect(await test.dataSource.getRepository(PlatformUser).countBy({ email: existing.email })).toBe(1);
      expect((await staffRow(existing.id)).role).toBe('support_admin');
    });

    it.each([
      ['a bad e-mail', { email: 'not-an-email', name: 'X', role: 'support_admin' }, 'email'],
      ['an unknown role', { name: 'X', role: 'owner' }, 'role'],
      ['an unknown body field', { name: 'X', role: 'support_admin', status: 'active' }, 'property status should not exist'],
      ['a missing name', { role: 'support_admin' }, 'name'],
      ['a name of only spaces', { name: '   ', role: 'support_admin' }, 'name'],
    ])('refuses %s with 400 and creates nobody', async (_case, body: Record<string, string>, mentioned) => {
      const email = uniqueEmail('invalid');
      const response = await request(test.http)
        .post(USERS)
        .auth(superAdminToken, { type: 'bearer' })
        .send({ email, ...body });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      expect(await test.dataSource.getRepository(PlatformUser).existsBy({ email })).toBe(false);
    });
  });

  describe('PATCH /:id/role', () => {
    it('promotes a support_admin (200) and ends every session of theirs at once', async () => {
      const colleague = await createStaff(test, { role: 'support_admin' });
      const laptop = await signIn(test, colleague);
      const phone = await signIn(test, colleague);
      await me(laptop.accessToken).expect(200);
      await me(phone.accessToken).expect(200);

      const response = await request(test.http).patch(`${USERS}/${colleague.id}/role`).auth(superAdminToken, { type: 'bearer' }).send({ role: 'super_admin' }).expect(200);

      expect(response.body).toMatchObject({ id: colleague.id, email: colleague.email, role: 'super_admin', status: 'active' });
      expect((await staffRow(colleague.id)).role).toBe('super_admin');
      expectErrorBody(await me(laptop.accessToken), 401);
      expectErrorBody(await me(phone.accessToken), 401);
      await request(test.http).post('/api/v1/platform/auth/refresh').send({ refresh_token: laptop.refreshToken }).expect(401);
    });

    it('demotes a super_admin while another is active (200)', async () => {
      const colleague = await createStaff(test, { role: 'super_admin' });
      const session = await signIn(test, colleague);
      const response = await request(test.http).patch(`${USERS}/${colleague.id}/role`).auth(superAdminToken, { type: 'bearer' }).send({ role: 'support_admin' }).expect(200);
      expect(response.body.role).toBe('support_admin');
      expectErrorBody(await me(session.accessToken), 401);
    });

    it('answers 404 for an unknown staff id', async () => {
      const response = await request(test.http).patch(`${USERS}/${randomUUID()}/role`).auth(superAdminToken, { type: 'bearer' }).send({ role: 'support_admin' });
      expectErrorBody(response, 404);
    });

    it('answers 400 for a malformed id', async () => {
      const response = await request(test.http).patch(`${USERS}/not-a-uuid/role`).auth(superAdminToken, { type: 'bearer' }).send({ role: 'support_admin' });
      expectErrorBody(response, 400);
    });

    it.each([
      ['an unknown role', { role: 'owner' }, 'role'],
      ['a missing role', {}, 'role'],
      ['an unknown body field', { role: 'super_admin', status: 'disabled' }, 'property status should not exist'],
    ])('refuses %s with 400 and changes nothing', async (_case, body: Record<string, string>, mentioned) => {
      const colleague = await createStaff(test, { role: 'support_admin' });
      const response = await request(test.http).patch(`${USERS}/${colleague.id}/role`).auth(superAdminToken, { type: 'bearer' }).send(body);
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      expect(await staffRow(colleague.id)).toMatchObject({ role: 'support_admin', status: 'active' });
    });
  });

  describe('POST /:id/disable', () => {
    it('disables a staff member (200) and ends every session of theirs at once', async () => {
      const colleague = await createStaff(test, { role: 'support_admin' });
      const laptop = await signIn(test, colleague);
      const phone = await signIn(test, colleague);
      await me(laptop.accessToken).expect(200);

      const response = await request(test.http).post(`${USERS}/${colleague.id}/disable`).auth(superAdminToken, { type: 'bearer' }).expect(200);

      expect(response.body).toMatchObject({ id: colleague.id, role: 'support_admin', status: 'disabled' });
      expect((await staffRow(colleague.id)).status).toBe('disabled');
      expectErrorBody(await me(laptop.accessToken), 401);
      expectErrorBody(await me(phone.accessToken), 401);
      await request(test.http).post('/api/v1/platform/auth/refresh').send({ refresh_token: phone.refreshToken }).expect(401);
    });

    it('answers 404 for an unknown staff id', async () => {
      expectErrorBody(await request(test.http).post(`${USERS}/${randomUUID()}/disable`).auth(superAdminToken, { type: 'bearer' }), 404);
    });

    it('answers 400 for a malformed id', async () => {
      expectErrorBody(await request(test.http).post(`${USERS}/12345/disable`).auth(superAdminToken, { type: 'bearer' }), 400);
    });

    it('refuses an unknown body field with 400 and changes nothing', async () => {
      const colleague = await createStaff(test, { role: 'support_admin' });
      const response = await request(test.http).post(`${USERS}/${colleague.id}/disable`).auth(superAdminToken, { type: 'bearer' }).send({ reason: 'bye' });
      expectErrorBody(response, 400);
      expect((await staffRow(colleague.id)).status).toBe('active');
    });
  });
});

// The rule depends on every super_admin in the table, and the shared test database holds many (other files
// create them concurrently; disabling theirs, even briefly, would break those files). So this scenario runs
// against its own freshly migrated copy of the schema, where the only staff are the ones created here.
describe('the last active super_admin', () => {
  let isolated: Awaited<ReturnType<typeof startIsolatedTestApp>>;
  let test: TestApp;

  beforeAll(async () => {
    isolated = await startIsolatedTestApp();
    test = isolated.test;
  });
  afterAll(() => isolated?.close());

  const demote = (token: string, id: string) => request(test.http).patch(`${USERS}/${id}/role`).auth(token, { type: 'bearer' }).send({ role: 'support_admin' });
  const disable = (token: string, id: string) => request(test.http).post(`${USERS}/${id}/disable`).auth(token, { type: 'bearer' });

  it('cannot be demoted or disabled (409), counting only active super_admins, until another one is active', async () => {
    const last = await createStaff(test, { role: 'super_admin' });
    // Invited and disabled super_admins, and active support_admins, do not keep the platform administrable.
    await createStaff(test, { role: 'super_admin', status: 'invited' });
    await createStaff(test, { role: 'super_admin', status: 'disabled' });
    await createStaff(test, { role: 'support_admin' });
    const { accessToken } = await signIn(test, last);

    const demotion = await demote(accessToken, last.id);
    expectErrorBody(demotion, 409);
    expect(errorMessage(demotion)).toContain('last active super_admin');
    expectErrorBody(await disable(accessToken, last.id), 409);
    expect(await test.dataSource.getRepository(PlatformUser).findOneByOrFail({ id: last.id })).toMatchObject({ role: 'super_admin', status: 'active' });
    // The refused change ended no session.
    await request(test.http).get('/api/v1/platform/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);

    // With a second active super_admin, the first may step down; then the second is the last one.
    const second = await createStaff(test, { role: 'super_admin' });
    await demote(accessToken, last.id).expect(200);
    const { accessToken: secondToken } = await signIn(test, second);
    expectErrorBody(await disable(secondToken, second.id), 409);
    expectErrorBody(await demote(secondToken, second.id), 409);
    await disable(secondToken, last.id).expect(200);
  });
});
