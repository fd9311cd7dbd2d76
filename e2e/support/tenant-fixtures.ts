import { expect, type APIRequestContext } from '@playwright/test';
import type { AdminApi } from './admin-api';
import { adminTokenVariable } from './environment';
import { test as base } from './fixtures';

export type TenantCredentials = { email: string; password: string };
/** An organization of its own for a test that changes data, so that the shared demo orgs stay as other specs expect them. */
export type FreshOrg = { id: string; slug: string; name: string; owner: TenantCredentials; ownerName: string };

/** Password of every tenant user a test creates. */
export const tenantPassword = 'an e2e tenant passphrase';

let orgCounter = 0;

/** Organizations made for one test, through the platform API as the bootstrap admin. */
export class TenantOrgs {
  constructor(
    private readonly platform: APIRequestContext,
    private readonly adminApi: AdminApi,
  ) {}

  /**
   * A new active org whose owner has accepted the mailed invitation: created as staff do
   * (`POST /platform/orgs`, audited as org.created_by_platform), which spends none of the
   * per-IP budget of sign-in and sign-up attempts that the browser tests share.
   */
  async create(label: string): Promise<FreshOrg> {
    const unique = `${Date.now().toString(36)}-${++orgCounter}`;
    const slug = `e2e-${label}-${unique}`;
    const name = `E2E ${label} ${unique}`;
    const ownerEmail = `owner-${unique}@${slug}.example`;
    const created = await this.platform.post('/api/v1/platform/orgs', { data: { name, slug, plan: 'pro', owner_email: ownerEmail } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await this.acceptInvitation(ownerEmail);
    // The API names an invited owner after their e-mail address.
    return { id, slug, name, owner: { email: ownerEmail, password: tenantPassword }, ownerName: ownerEmail.split('@')[0] };
  }

  /** Sets `tenantPassword` through the invitation link mailed to `email` (tenant realm). */
  async acceptInvitation(email: string): Promise<void> {
    const token = new URL(await this.adminApi.invitationLinkFor(email)).searchParams.get('token');
    const accept = await this.platform.post('/api/v1/auth/accept-invite', { data: { token, password: tenantPassword } });
    expect(accept.status(), await accept.text()).toBe(200);
  }
}

export const test = base.extend<{ tenantOrgs: TenantOrgs }>({
  tenantOrgs: async ({ playwright, baseURL, adminApi }, use) => {
    const platform = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${process.env[adminTokenVariable]}` } });
    await use(new TenantOrgs(platform, adminApi));
    await platform.dispose();
  },
});

export { expect };
