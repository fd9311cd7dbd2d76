import request from 'supertest';
import { createOrganization, createStaff, signIn, uniqueEmail } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('Idempotency-Key (SPEC §11)', () => {
  let test: TestApp;
  let staffToken: string;

  beforeAll(async () => {
    test = await startTestApp();
    staffToken = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(() => test.close());

  const post = (path: string, body: object, key?: string, token = staffToken) => {
    const pending = request(test.http).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
    return key ? pending.set('Idempotency-Key', key) : pending;
  };
  const newOrg = () => {
    const slug = `idem-${Math.random().toString(36).slice(2, 10)}`;
    return { name: `Idem ${slug}`, slug, plan: 'free', owner_email: uniqueEmail('idem') };
  };
  const orgsWithSlug = async (slug: string) => (await test.dataSource.query('SELECT count(*)::int AS n FROM organizations WHERE slug = $1', [slug]))[0].n;

  it('replays the first answer to a retry without doing the work again', async () => {
    const body = newOrg();
    const first = await post('/platform/orgs', body, 'create-1').expect(201);
    const again = await post('/platform/orgs', { ...body }, 'create-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await orgsWithSlug(body.slug)).toBe(1);
    const audited = await test.dataSource.query(`SELECT 1 FROM platform_audit_log WHERE action = 'platform.org_created' AND target_id = $1`, [first.body.id]);
    expect(audited).toHaveLength(1);
    // The same body in another key order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    await post('/platform/orgs', reordered, 'create-1').expect(201);
  });

  it('answers 422 to the same key with a different body, and keys are per caller', async () => {
    const body = newOrg();
    await post('/platform/orgs', body, 'create-2').expect(201);
    await post('/platform/orgs', { ...body, plan: 'pro' }, 'create-2').expect(422);
    const otherStaff = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
    const other = newOrg();
    await post('/platform/orgs', other, 'create-2', otherStaff).expect(201);
    expect(await orgsWithSlug(other.slug)).toBe(1);
  });

  it('does the work once when two identical requests race, and answers 409 to the one that finds the other running', async () => {
    const body = newOrg();
    const [a, b] = await Promise.all([post('/platform/orgs', body, 'race-1'), post('/platform/orgs', body, 'race-1')]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([201]));
    for (const status of [a.status, b.status]) expect([201, 409]).toContain(status);
    expect(await orgsWithSlug(body.slug)).toBe(1);
  });

  it('lets a failed request be retried with its key: nothing was done', async () => {
    const organization = await createOrganization(test);
    await post(`/platform/orgs/${organization.id}/disable`, {}, 'disable-1').expect(400);
    await post(`/platform/orgs/${organization.id}/disable`, { reason: 'Unpaid invoices' }, 'disable-1').expect(200);
    const replay = await post(`/platform/orgs/${organization.id}/disable`, { reason: 'Unpaid invoices' }, 'disable-1').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the header on sign-in, minting and secret-bearing creations, and a malformed key', async () => {
    const loginResponse = await request(test.http).post('/api/v1/platform/auth/login').set('Idempotency-Key', 'login-1').send({ email: 'a@b.c', password: 'whatever it is' }).expect(400);
    expect(loginResponse.body.message).toMatch(/Idempotency-Key/);
    await post('/platform/support-sessions', { org_id: (await createOrganization(test)).id, reason: 'Looking into a ticket' }, 'mint-1').expect(400);
    await post('/platform/api-keys', { name: 'K', role: 'support_admin' }, 'key-1').expect(400);
    await post('/platform/orgs', newOrg(), 'x'.repeat(256)).expect(400);
  });

  it('forgets keys after 24 hours', async () => {
    const staff = await createStaff(test, { role: 'super_admin' });
    const body = newOrg();
    await post('/platform/orgs', body, 'old-1', (await signIn(test, staff)).accessToken).expect(201);
    test.clock.advance(24 * 3_600_000 + 1_000);
    try {
      // The key is free again; the org exists, so the work is attempted and refused on its own terms.
      await post('/platform/orgs', body, 'old-1', (await signIn(test, staff)).accessToken).expect(409);
    } finally {
      test.clock.advance(-(24 * 3_600_000 + 1_000));
    }
  });
});
