import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { TenantsHealthService } from '../src/modules/tenants-health/tenants-health.service';
import { createKeelClient, createOrg, listTenantHealth, signWebhookPayload, verifyWebhookSignature } from '../../../libs/api-client/sdk';
import { createOrganization, createStaff, signIn, uniqueEmail } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// The SDK as an integrator's Node script uses it: real HTTP, an API key, the generated functions.
describe('the SDK from Node', () => {
  let test: TestApp;
  let baseUrl: string;
  let apiKey: string;

  beforeAll(async () => {
    test = await startTestApp();
    await test.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
    const staffToken = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
    const { body } = await request(test.http).post('/api/v1/platform/api-keys').auth(staffToken, { type: 'bearer' }).send({ name: 'SDK script', role: 'super_admin' }).expect(201);
    apiKey = body.key;
  });
  afterAll(() => test.close());

  it('lists tenants and creates an org with an API key, with typed answers and errors', async () => {
    await createOrganization(test, { name: 'SDK Visible Co' });
    await test.app.get(TenantsHealthService).refresh();
    const client = createKeelClient({ baseUrl, apiKey });
    const { data } = await listTenantHealth({ client, query: { search: 'SDK Visible', limit: 10 }, throwOnError: true });
    expect(data.items.map((item) => item.name)).toContain('SDK Visible Co');

    const slug = `sdk-${Date.now()}`;
    const created = await createOrg({ client, body: { name: 'From the SDK', slug, plan: 'pro', owner_email: uniqueEmail('sdk') }, throwOnError: true });
    expect(created.data).toMatchObject({ slug, plan: 'pro', status: 'active' });
    const [entry] = await test.dataSource.query(`SELECT actor_type, metadata FROM platform_audit_log WHERE action = 'platform.org_created' AND target_id = $1`, [created.data.id]);
    expect(entry).toMatchObject({ actor_type: 'api_key', metadata: expect.objectContaining({ api_key_name: 'SDK script' }) });

    const refused = await listTenantHealth({ client: createKeelClient({ baseUrl, apiKey: 'keel_wrong' }) });
    expect(refused.response.status).toBe(401);
  });

  it('exports the webhook signature helpers a receiver needs', async () => {
    const header = await signWebhookPayload('whsec_test', '{"id":"1"}', 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature('whsec_test', '{"id":"1"}', header, { nowSeconds: 1_800_000_010 })).toBe(true);
    expect(await verifyWebhookSignature('whsec_test', '{"id":"2"}', header, { nowSeconds: 1_800_000_010 })).toBe(false);
  });
});
