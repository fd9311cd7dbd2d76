import { expect, type APIRequestContext } from '@playwright/test';
import type { AdminApi } from './admin-api';
import { adminTokenVariable } from './environment';
import { test as base } from './fixtures';

type HealthClass = 'healthy' | 'warning' | 'critical' | 'unknown';
export type TenantHealthRow = { org_id: string; name: string; health: HealthClass; reason: string };
/** An organization of a test's own, with its owner signed in through the tenant API. */
export type SignedInTenant = { id: string; name: string; ownerEmail: string; ownerAccessToken: string };

const OWNER_PASSWORD = 'a support e2e owner passphrase';
let tenantCounter = 0;

/** The support console's API (SPEC §5) as the bootstrap super_admin, and what a tenant user does with their own token. */
export class SupportApi {
  constructor(
    private readonly asAdmin: APIRequestContext,
    private readonly anonymous: APIRequestContext,
    private readonly adminApi: AdminApi,
  ) {}

  /**
   * Waits until the health job (every minute) has judged the tenant called `name`: a new org, or
   * the demo orgs right after the API started, are not in the list before that.
   */
  async waitUntilJudged(name: string): Promise<TenantHealthRow> {
    let row: TenantHealthRow | undefined;
    await expect(async () => {
      const response = await this.asAdmin.get('/api/v1/platform/tenants/health', { params: { search: name } });
      expect(response.status(), await response.text()).toBe(200);
      row = ((await response.json()) as { items: TenantHealthRow[] }).items.find((item) => item.name === name);
      expect(row, `${name} has no health class yet: does the health job run every minute (pg-boss cron)?`).toBeDefined();
    }).toPass({ intervals: [2_000], timeout: 100_000 });
    return row!;
  }

  /** A new active org whose owner accepted the invitation and signed in: their sessions are this test's alone. */
  async createSignedInTenant(): Promise<SignedInTenant> {
    const stamp = `${Date.now().toString(36)}-${++tenantCounter}`;
    const name = `Support Probe ${stamp}`;
    const ownerEmail = `owner-${stamp}@support-probe.test`;
    const created = await this.asAdmin.post('/api/v1/platform/orgs', { data: { name, slug: `support-probe-${stamp}`, plan: 'free', owner_email: ownerEmail } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const token = new URL(await this.adminApi.invitationLinkFor(ownerEmail)).searchParams.get('token');
    const accepted = await this.anonymous.post('/api/v1/auth/accept-invite', { data: { token, password: OWNER_PASSWORD } });
    expect(accepted.status(), await accepted.text()).toBe(200);
    const login = await this.anonymous.post('/api/v1/auth/login', { data: { email: ownerEmail, password: OWNER_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    const { access_token: ownerAccessToken } = (await login.json()) as { access_token: string };
    return { id, name, ownerEmail, ownerAccessToken };
  }

  /** The status GET /api/v1/me answers a tenant user's access token: 200 while their session lives, 401 once it is revoked. */
  async meStatus(accessToken: string): Promise<number> {
    const response = await this.anonymous.get('/api/v1/me', { headers: { Authorization: `Bearer ${accessToken}` } });
    return response.status();
  }
}

/** The shared fixtures plus `supportApi`. */
export const test = base.extend<{ supportApi: SupportApi }>({
  supportApi: async ({ playwright, baseURL, adminApi }, use) => {
    const asAdmin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${process.env[adminTokenVariable]}` } });
    const anonymous = await playwright.request.newContext({ baseURL });
    await use(new SupportApi(asAdmin, anonymous, adminApi));
    await Promise.all([asAdmin.dispose(), anonymous.dispose()]);
  },
});

export { expect } from './fixtures';
