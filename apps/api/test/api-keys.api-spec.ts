import request from 'supertest';
import { createOrganization, createStaff, createTenantUser, signIn } from './support/factories';
import { errorMessage } from './support/http-assertions';
import { startTestApp, type TestApp } from './support/test-app';

describe('API keys (SPEC §11)', () => {
  let test: TestApp;
  let superAdmin: string;

  beforeAll(async () => {
    test = await startTestApp();
    superAdmin = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(() => test.close());

  const as = (token: string | null) => ({
    get: (path: string) => auth(request(test.http).get(`/api/v1${path}`), token),
    post: (path: string, body: object = {}) => auth(request(test.http).post(`/api/v1${path}`).send(body), token),
    patch: (path: string, body: object = {}) => auth(request(test.http).patch(`/api/v1${path}`).send(body), token),
    delete: (path: string) => auth(request(test.http).delete(`/api/v1${path}`), token),
  });
  const auth = (pending: request.Test, token: string | null) => (token ? pending.auth(token, { type: 'bearer' }) : pending);

  async function createKey(role: 'super_admin' | 'support_admin' = 'super_admin', extra: object = {}) {
    const { body } = await as(superAdmin).post('/platform/api-keys', { name: `Key ${role}`, role, ...extra }).expect(201);
    return body as { id: string; key: string; prefix: string; name: string };
  }

  it('shows the secret once, keeps only its prefix in lists, and records last use', async () => {
    const { body } = await as(superAdmin).post('/platform/api-keys', { name: 'Billing sync', role: 'support_admin' }).expect(201);
    expect(body).toEqual({ id: expect.any(String), name: 'Billing sync', role: 'support_admin', prefix: body.key.slice(0, 12), key: expect.stringMatching(/^keel_[A-Za-z0-9_-]{30,}$/), created_at: expect.any(String), expires_at: null });
    const [stored] = await test.dataSource.query('SELECT key_hash FROM api_keys WHERE id = $1', [body.id]);
    expect(stored.key_hash).not.toContain(body.key.slice(5));

    await as(body.key).get('/platform/tenants/health').expect(200);
    const list = await as(superAdmin).get('/platform/api-keys').expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === body.id);
    expect(listed).toEqual({ id: body.id, name: 'Billing sync', role: 'support_admin', prefix: body.prefix, created_at: body.created_at, expires_at: null, last_used_at: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(body.key);
  });

  it('acts with its role, audited as the key, and stops at once when revoked', async () => {
    const key = await createKey('super_admin');
    const organization = await createOrganization(test);
    await as(key.key).patch(`/platform/orgs/${organization.id}/plan`, { plan: 'enterprise' }).expect(200);
    const [entry] = await test.dataSource.query(`SELECT actor_type, actor_id, actor_email, metadata FROM platform_audit_log WHERE action = 'platform.org_plan_changed' AND org_id = $1`, [organization.id]);
    expect(entry).toMatchObject({ actor_type: 'api_key', actor_id: key.id, actor_email: null, metadata: expect.objectContaining({ api_key_name: key.name }) });

    await as(superAdmin).delete(`/platform/api-keys/${key.id}`).expect(204);
    await as(key.key).get('/platform/stats').expect(401);
    await as(superAdmin).delete(`/platform/api-keys/${key.id}`).expect(404);
    const [revoked] = await test.dataSource.query(`SELECT actor_type FROM platform_audit_log WHERE action = 'platform.api_key_revoked' AND target_id = $1`, [key.id]);
    expect(revoked.actor_type).toBe('platform_user');
  });

  it('is refused where a person is needed, and keeps support_admin keys to support routes', async () => {
    const key = await createKey('super_admin');
    const support = await createKey('support_admin');
    const organization = await createOrganization(test);
    const owner = await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    for (const attempt of [
      as(key.key).get('/platform/auth/me'),
      as(key.key).post('/platform/auth/logout', {}),
      as(key.key).post('/platform/support-sessions', { org_id: organization.id, reason: 'Looking into a ticket' }),
      as(key.key).post(`/platform/impersonate/${owner.id}`, { reason: 'Looking into a ticket' }),
      as(key.key).post('/platform/api-keys', { name: 'Another', role: 'super_admin' }),
      as(key.key).get('/platform/users'),
      as(key.key).post('/platform/users', { email: 'new.staff@keel.test', name: 'New', role: 'support_admin' }),
      as(key.key).post(`/platform/orgs/${organization.id}/users/${owner.id}/reset-mfa`, {}),
      as(key.key).get('/platform/dev/outbox'),
    ]) {
      const response = await attempt.expect(403);
      expect(errorMessage(response)).toMatch(/API key/);
    }
    await as(support.key).get('/platform/tenants/health').expect(200);
    await as(support.key).get('/platform/stats').expect(403);
    // Tenant routes are not for keys.
    await as(key.key).get('/me').expect(401);
  });

  it('validates input: role, name, expiry in the future; an expired key no longer works', async () => {
    await as(superAdmin).post('/platform/api-keys', { name: 'X', role: 'owner' }).expect(400);
    await as(superAdmin).post('/platform/api-keys', { name: '', role: 'super_admin' }).expect(400);
    await as(superAdmin).post('/platform/api-keys', { name: 'X', role: 'super_admin', expires_at: 'tomorrow' }).expect(400);
    await as(superAdmin).post('/platform/api-keys', { name: 'X', role: 'super_admin', expires_at: new Date(test.clock.nowMilliseconds() - 1000).toISOString() }).expect(400);
    const key = await createKey('support_admin', { expires_at: new Date(test.clock.nowMilliseconds() + 60_000).toISOString() });
    await as(key.key).get('/platform/fleet/health').expect(200);
    test.clock.advance(61_000);
    try {
      await as(key.key).get('/platform/fleet/health').expect(401);
    } finally {
      test.clock.advance(-61_000);
    }
    await as('keel_not-a-real-key').get('/platform/fleet/health').expect(401);
  });

  it('answers 401 without a token and 403 to a support_admin on the key routes', async () => {
    const support = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
    await as(null).get('/platform/api-keys').expect(401);
    await as(null).post('/platform/api-keys', { name: 'X', role: 'super_admin' }).expect(401);
    await as(support).get('/platform/api-keys').expect(403);
    await as(support).post('/platform/api-keys', { name: 'X', role: 'super_admin' }).expect(403);
    await as(support).delete('/platform/api-keys/00000000-0000-4000-8000-000000000000').expect(403);
  });
});
