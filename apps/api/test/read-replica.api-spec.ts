import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createStaff, signIn, uniqueEmail } from './support/factories';
import { createIsolatedSchema, startIsolatedTestApp, type IsolatedSchema } from './support/isolated-schema';
import type { TestApp } from './support/test-app';

// The primary and the "replica" are two isolated schemas, so that what each holds tells where a query went.
describe('DATABASE_READ_URL: the platform dashboards read the replica', () => {
  let replica: IsolatedSchema;
  let primary: { test: TestApp; close(): Promise<void> };
  let staffToken: string;

  beforeAll(async () => {
    replica = await createIsolatedSchema();
    primary = await startIsolatedTestApp({ DATABASE_READ_URL: replica.appUrl });
    staffToken = (await signIn(primary.test, await createStaff(primary.test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(async () => {
    await primary?.close();
    await replica?.drop();
  });

  const platform = (path: string) => request(primary.test.http).get(`/api/v1/platform${path}`).auth(staffToken, { type: 'bearer' });

  it('answers stats, the org list, growth and usage from the replica, and an org’s drill-down from the primary', async () => {
    const slug = `primary-${randomUUID().slice(0, 8)}`;
    const { body: created } = await request(primary.test.http)
      .post('/api/v1/platform/orgs')
      .auth(staffToken, { type: 'bearer' })
      .send({ name: 'On the primary', slug, plan: 'pro', owner_email: uniqueEmail('owner') })
      .expect(201);

    // The replica has not caught up with anything yet.
    expect((await platform('/stats').expect(200)).body.total_organizations).toBe(0);
    expect((await platform('/orgs').expect(200)).body.items).toEqual([]);

    const owner = new Client({ connectionString: replica.ownerUrl });
    await owner.connect();
    try {
      await owner.query(`INSERT INTO organizations (name, slug, plan, status) VALUES ('On the replica', $1, 'free', 'active')`, [`replica-${randomUUID().slice(0, 8)}`]);
    } finally {
      await owner.end();
    }
    expect((await platform('/stats').expect(200)).body.total_organizations).toBe(1);
    expect((await platform('/orgs').expect(200)).body.items.map((org: { name: string }) => org.name)).toEqual(['On the replica']);
    expect((await platform('/usage').expect(200)).body.items.map((org: { org_name: string }) => org.org_name)).toEqual(['On the replica']);
    expect((await platform('/growth?weeks=1').expect(200)).body.items[0].new_orgs).toBe(1);

    const { body: detail } = await platform(`/orgs/${created.id}`).expect(200);
    expect(detail.slug).toBe(slug);
  });
});
