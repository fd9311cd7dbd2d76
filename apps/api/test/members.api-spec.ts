import { randomUUID } from 'node:crypto';
import type { TenantRole } from '@keel/shared';
import { MailMessage } from '../src/modules/mail/mail-message.entity';
import { User } from '../src/modules/users/user.entity';
import { postLogin, postRefresh } from './support/auth-helpers';
import { createTenantUser, signIn, uniqueEmail } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { addMember, api, closeTestApp, createTenantOrg, orgLog, staffToken, storedCounters, type TenantOrg } from './support/tenant-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const MEMBERS = '/org/members';

describe('org members (/api/v1/org/members)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => closeTestApp(test));

  const userRow = (id: string) => test.dataSource.getRepository(User).findOneBy({ id });
  const userCount = async (orgId: string) => (await storedCounters(test, orgId)).user_count;

  // Each route with a request an owner could make successfully, and a check that it had no effect. Built afresh per test.
  const ROUTES = ['GET /org/members', 'POST /org/members', 'PATCH /org/members/:id/role', 'DELETE /org/members/:id'] as const;
  const routeCase = async (route: (typeof ROUTES)[number], tenant: TenantOrg) => {
    const email = uniqueEmail('denied');
    switch (route) {
      case 'GET /org/members':
        return { send: (token: string | null) => api(test, token).get(MEMBERS), success: 200, assertUnchanged: async () => undefined };
      case 'POST /org/members':
        return {
          send: (token: string | null) => api(test, token).post(MEMBERS).send({ email, role: 'viewer' }),
          success: 201,
          assertUnchanged: async () => expect(await test.dataSource.getRepository(User).existsBy({ email })).toBe(false),
        };
      case 'PATCH /org/members/:id/role': {
        const target = await addMember(test, tenant.orgId, 'viewer');
        return {
          send: (token: string | null) => api(test, token).patch(`${MEMBERS}/${target.id}/role`).send({ role: 'operator' }),
          success: 200,
          assertUnchanged: async () => expect((await userRow(target.id))?.role).toBe('viewer'),
        };
      }
      case 'DELETE /org/members/:id': {
        const target = await addMember(test, tenant.orgId, 'viewer');
        return {
          send: (token: string | null) => api(test, token).delete(`${MEMBERS}/${target.id}`),
          success: 204,
          assertUnchanged: async () => expect(await userRow(target.id)).not.toBeNull(),
        };
      }
    }
  };

  describe.each(ROUTES)('%s', (route) => {
    // One org for the route's cases: each case acts on a target of its own.
    let tenant: TenantOrg;
    beforeAll(async () => {
      tenant = await createTenantOrg(test);
    });

    it.each(['owner', 'admin'] as const)('admits the %s', async (role) => {
      const { send, success } = await routeCase(route, tenant);
      expect((await send(tenant.tokens[role])).status).toBe(success);
    });

    it.each(['operator', 'viewer'] as const)('answers 403 to the %s and changes nothing', async (role) => {
      const { send, assertUnchanged } = await routeCase(route, tenant);
      expectErrorBody(await send(tenant.tokens[role]), 403);
      await assertUnchanged();
    });

    it('answers 401 without a token and to a staff token, and changes nothing', async () => {
      const { send, assertUnchanged } = await routeCase(route, tenant);
      expectErrorBody(await send(null), 401);
      expectErrorBody(await send(await staffToken(test)), 401);
      await assertUnchanged();
    });
  });

  describe('GET (list)', () => {
    it('lists the org’s members only, oldest first, with paging', async () => {
      const tenant = await createTenantOrg(test);
      await createTenantOrg(test); // another org, whose members must not show

      const response = await api(test, tenant.tokens.admin).get(MEMBERS).expect(200);

      expect(response.body.pagination).toEqual({ page: 1, limit: 50, total: 4, next_cursor: null });
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(['owner', 'admin', 'operator', 'viewer'].map((role) => tenant.members[role as TenantRole].id));
      expect(response.body.items[0]).toEqual({
        id: tenant.members.owner.id,
        email: tenant.members.owner.email,
        name: 'Test User',
        role: 'owner',
        status: 'active',
        mfa_enabled: false,
        last_login_at: null,
        created_at: expect.any(String),
      });
      const secondPage = await api(test, tenant.tokens.admin).get(MEMBERS).query({ page: 2, limit: 3 }).expect(200);
      expect(secondPage.body.items.map((item: { id: string }) => item.id)).toEqual([tenant.members.viewer.id]);
      expect(secondPage.body.pagination).toMatchObject({ page: 2, limit: 3, total: 4 });
      expectErrorBody(await api(test, tenant.tokens.admin).get(MEMBERS).query({ limit: 201 }), 400);
    });
  });

  describe('POST (invite)', () => {
    it('creates an invited member (201), mails an invitation to the tenant realm and counts the member', async () => {
      const tenant = await createTenantOrg(test);
      const email = uniqueEmail('invitee');

      const response = await api(test, tenant.tokens.admin).post(MEMBERS).send({ email: `  ${email.toUpperCase()} `, role: 'operator', name: ' New Colleague ' }).expect(201);

      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email,
        name: 'New Colleague',
        role: 'operator',
        status: 'invited',
        mfa_enabled: false,
        last_login_at: null,
        created_at: expect.any(String),
      });
      expect(await userRow(response.body.id)).toMatchObject({ orgId: tenant.orgId, status: 'invited', passwordHash: null });
      expect(await userCount(tenant.orgId)).toBe(5);
      const outbox = await api(test, await staffToken(test)).get('/platform/dev/outbox').expect(200);
      const mail = outbox.body.items.find((item: { to: string }) => item.to === email);
      expect(mail.text).toMatch(/http:\/\/keel\.test\/accept-invite\?realm=tenant&token=[A-Za-z0-9_-]{20,}/);
      expect(await test.dataSource.getRepository(MailMessage).findBy({ to: email })).toHaveLength(1);

      const [entry] = await orgLog(test, tenant.tokens.owner, { action: 'user.invited' });
      expect(entry).toMatchObject({
        actor: { type: 'user', id: tenant.members.admin.id, email: tenant.members.admin.email },
        target: { type: 'user', id: response.body.id, name: email },
        metadata: { role: 'operator' },
      });
    });

    it('lets the invitee accept and sign in as a member of the org', async () => {
      const tenant = await createTenantOrg(test);
      const email = uniqueEmail('joiner');
      await api(test, tenant.tokens.owner).post(MEMBERS).send({ email, role: 'viewer' }).expect(201);
      const [mail] = await test.dataSource.getRepository(MailMessage).findBy({ to: email });
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
      await api(test, null).post('/auth/accept-invite').send({ token, password: 'a long enough new password' }).expect(200);
      const login = await postLogin(test, 'tenant', { email, password: 'a long enough new password' }).expect(200);
      const me = await api(test, login.body.access_token).get('/me').expect(200);
      expect(me.body).toMatchObject({ email, role: 'viewer', org_id: tenant.orgId });
    });

    it('names the member after their e-mail when no name is given', async () => {
      const tenant = await createTenantOrg(test);
      const email = uniqueEmail('nameless');
      const response = await api(test, tenant.tokens.owner).post(MEMBERS).send({ email, role: 'viewer' }).expect(201);
      expect(response.body.name).toBe(email.split('@')[0]);
    });

    it('answers 409 for an e-mail already in use, in this org or another, whatever its case', async () => {
      const tenant = await createTenantOrg(test);
      const stranger = await createTenantUser(test, { role: 'viewer' });
      for (const email of [tenant.members.viewer.email, stranger.email.toUpperCase()]) {
        const response = await api(test, tenant.tokens.owner).post(MEMBERS).send({ email, role: 'admin' });
        expectErrorBody(response, 409);
      }
      expect((await userRow(stranger.id))?.orgId).toBe(stranger.orgId);
      expect(await userCount(tenant.orgId)).toBe(4);
    });

    it('lets an owner invite another owner, but not an admin (403)', async () => {
      const tenant = await createTenantOrg(test);
      const refusedEmail = uniqueEmail('would-be-owner');
      const refused = await api(test, tenant.tokens.admin).post(MEMBERS).send({ email: refusedEmail, role: 'owner' });
      expectErrorBody(refused, 403);
      expect(errorMessage(refused)).toMatch(/owner/);
      expect(await test.dataSource.getRepository(User).existsBy({ email: refusedEmail })).toBe(false);
      expect(await test.dataSource.getRepository(MailMessage).existsBy({ to: refusedEmail })).toBe(false);

      const accepted = await api(test, tenant.tokens.owner).post(MEMBERS).send({ email: uniqueEmail('co-owner'), role: 'owner' }).expect(201);
      expect(accepted.body.role).toBe('owner');
    });

    it.each([
      ['a bad e-mail', { email: 'not-an-email', role: 'viewer' }, 'email'],
      ['an unknown role', { role: 'super_admin' }, 'role'],
      ['a missing role', {}, 'role'],
      ['an unknown field', { role: 'viewer', status: 'active' }, 'property status should not exist'],
      ['an empty name', { role: 'viewer', name: '  ' }, 'name'],
    ])('refuses %s with 400 and invites nobody', async (_case, body: Record<string, string>, mentioned) => {
      const tenant = await createTenantOrg(test);
      const email = uniqueEmail('invalid');
      const response = await api(test, tenant.tokens.owner).post(MEMBERS).send({ email, ...body });
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain(mentioned);
      expect(await test.dataSource.getRepository(User).existsBy({ email })).toBe(false);
      expect(await userCount(tenant.orgId)).toBe(4);
    });
  });

  describe('PATCH /:id/role', () => {
    it('changes the role (200), ends every session of the member, and logs who did it to whom', async () => {
      const tenant = await createTenantOrg(test);
      const member = tenant.members.viewer;
      const laptop = await signIn(test, member);

      const response = await api(test, tenant.tokens.admin).patch(`${MEMBERS}/${member.id}/role`).send({ role: 'operator' }).expect(200);

      expect(response.body).toMatchObject({ id: member.id, email: member.email, role: 'operator', status: 'active' });
      expect((await userRow(member.id))?.role).toBe('operator');
      expectErrorBody(await api(test, laptop.accessToken).get('/org'), 401);
      expectErrorBody(await api(test, tenant.tokens.viewer).get('/org'), 401);
      await postRefresh(test, 'tenant', laptop.refreshToken).expect(401);
      // Signed in again, the new role applies.
      const again = await signIn(test, { ...member, role: 'operator' });
      await api(test, again.accessToken).post('/cloud-accounts').send({ name: 'Prod', provider: 'aws', external_id: `acct-${randomUUID().slice(0, 8)}` }).expect(201);

      const [entry] = await orgLog(test, tenant.tokens.owner, { action: 'user.role_changed' });
      expect(entry).toMatchObject({
        actor: { type: 'user', id: tenant.members.admin.id, email: tenant.members.admin.email },
        target: { type: 'user', id: member.id, name: member.email },
        metadata: { previous_role: 'viewer', role: 'operator' },
      });
    });

    it('keeps the sessions of other members', async () => {
      const tenant = await createTenantOrg(test);
      await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${tenant.members.viewer.id}/role`).send({ role: 'admin' }).expect(200);
      await api(test, tenant.tokens.operator).get('/org').expect(200);
      await api(test, tenant.tokens.owner).get('/org').expect(200);
    });

    it('lets only an owner grant or take away the owner role (admin: 403)', async () => {
      const tenant = await createTenantOrg(test);
      expectErrorBody(await api(test, tenant.tokens.admin).patch(`${MEMBERS}/${tenant.members.viewer.id}/role`).send({ role: 'owner' }), 403);
      expectErrorBody(await api(test, tenant.tokens.admin).patch(`${MEMBERS}/${tenant.members.admin.id}/role`).send({ role: 'owner' }), 403);
      expectErrorBody(await api(test, tenant.tokens.admin).patch(`${MEMBERS}/${tenant.members.owner.id}/role`).send({ role: 'viewer' }), 403);
      expect((await userRow(tenant.members.viewer.id))?.role).toBe('viewer');
      expect((await userRow(tenant.members.admin.id))?.role).toBe('admin');
      expect((await userRow(tenant.members.owner.id))?.role).toBe('owner');

      await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${tenant.members.admin.id}/role`).send({ role: 'owner' }).expect(200);
      expect((await userRow(tenant.members.admin.id))?.role).toBe('owner');
    });

    it('answers 409 to demoting the last active owner, and allows it once another owner is active', async () => {
      const tenant = await createTenantOrg(test);
      const owner = tenant.members.owner;
      // An invited owner does not count: they cannot sign in yet.
      await api(test, tenant.tokens.owner).post(MEMBERS).send({ email: uniqueEmail('pending-owner'), role: 'owner' }).expect(201);

      const refused = await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${owner.id}/role`).send({ role: 'admin' });
      expectErrorBody(refused, 409);
      expect(errorMessage(refused)).toMatch(/last owner/);
      expect((await userRow(owner.id))?.role).toBe('owner');
      await api(test, tenant.tokens.owner).get('/org').expect(200);

      const second = await addMember(test, tenant.orgId, 'owner');
      await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${owner.id}/role`).send({ role: 'admin' }).expect(200);
      expect((await userRow(owner.id))?.role).toBe('admin');
      expect((await userRow(second.id))?.role).toBe('owner');
    });

    it('answers 404 for a member of another org and for an unknown id, and changes nothing', async () => {
      const tenant = await createTenantOrg(test);
      const stranger = await createTenantUser(test, { role: 'viewer' });
      expectErrorBody(await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${stranger.id}/role`).send({ role: 'admin' }), 404);
      expectErrorBody(await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${randomUUID()}/role`).send({ role: 'admin' }), 404);
      expect((await userRow(stranger.id))?.role).toBe('viewer');
    });

    it.each([
      ['an unknown role', { role: 'super_admin' }],
      ['a missing role', {}],
      ['an unknown field', { role: 'admin', status: 'disabled' }],
    ])('refuses %s with 400 and changes nothing', async (_case, body) => {
      const tenant = await createTenantOrg(test);
      expectErrorBody(await api(test, tenant.tokens.owner).patch(`${MEMBERS}/${tenant.members.viewer.id}/role`).send(body), 400);
      expect((await userRow(tenant.members.viewer.id))?.role).toBe('viewer');
    });

    it('answers 400 for a malformed id', async () => {
      const tenant = await createTenantOrg(test);
      expectErrorBody(await api(test, tenant.tokens.owner).patch(`${MEMBERS}/not-a-uuid/role`).send({ role: 'admin' }), 400);
    });
  });

  describe('DELETE /:id', () => {
    it('removes the member (204): the user is gone, their sessions end, the count drops, and the log says who removed whom', async () => {
      const tenant = await createTenantOrg(test);
      const member = tenant.members.operator;
      const session = await signIn(test, member);

      await api(test, tenant.tokens.admin).delete(`${MEMBERS}/${member.id}`).expect(204);

      expect(await userRow(member.id)).toBeNull();
      expectErrorBody(await api(test, session.accessToken).get('/org'), 401);
      await postRefresh(test, 'tenant', session.refreshToken).expect(401);
      expect(await userCount(tenant.orgId)).toBe(3);
      const { body } = await api(test, tenant.tokens.admin).get(MEMBERS).expect(200);
      expect(body.items.map((item: { id: string }) => item.id)).not.toContain(member.id);
      expect(body.pagination.total).toBe(3);

      const [entry] = await orgLog(test, tenant.tokens.owner, { action: 'user.removed' });
      expect(entry).toMatchObject({
        actor: { type: 'user', id: tenant.members.admin.id, email: tenant.members.admin.email },
        target: { type: 'user', id: member.id, name: member.email },
        metadata: { role: 'operator' },
      });
    });

    it('frees the e-mail for a new invitation', async () => {
      const tenant = await createTenantOrg(test);
      await api(test, tenant.tokens.owner).delete(`${MEMBERS}/${tenant.members.viewer.id}`).expect(204);
      await api(test, tenant.tokens.owner).post(MEMBERS).send({ email: tenant.members.viewer.email, role: 'viewer' }).expect(201);
      expect(await userCount(tenant.orgId)).toBe(4);
    });

    it('lets only an owner remove an owner (admin: 403)', async () => {
      const tenant = await createTenantOrg(test);
      const second = await addMember(test, tenant.orgId, 'owner');
      expectErrorBody(await api(test, tenant.tokens.admin).delete(`${MEMBERS}/${second.id}`), 403);
      expect(await userRow(second.id)).not.toBeNull();
      await api(test, tenant.tokens.owner).delete(`${MEMBERS}/${second.id}`).expect(204);
      expect(await userRow(second.id)).toBeNull();
    });

    it('answers 409 to removing the last active owner, even by themselves', async () => {
      const tenant = await createTenantOrg(test);
      const response = await api(test, tenant.tokens.owner).delete(`${MEMBERS}/${tenant.members.owner.id}`);
      expectErrorBody(response, 409);
      expect(await userRow(tenant.members.owner.id)).not.toBeNull();
      expect(await userCount(tenant.orgId)).toBe(4);
      await api(test, tenant.tokens.owner).get('/org').expect(200);
    });

    it('answers 404 for a member of another org and for an unknown id, and removes nobody', async () => {
      const tenant = await createTenantOrg(test);
      const other = await createTenantOrg(test);
      expectErrorBody(await api(test, tenant.tokens.owner).delete(`${MEMBERS}/${other.members.viewer.id}`), 404);
      expectErrorBody(await api(test, tenant.tokens.owner).delete(`${MEMBERS}/${randomUUID()}`), 404);
      expect(await userRow(other.members.viewer.id)).not.toBeNull();
      expect(await userCount(other.orgId)).toBe(4);
      expect(await userCount(tenant.orgId)).toBe(4);
    });
  });
});
