import type { APIRequestContext } from '@playwright/test';
import { adminTokenVariable } from './environment';
import { expect, test as base } from './fixtures';
import { signInStaffThroughApi, type SignedInStaff } from './sign-in';

/** A console page is a lazy chunk plus API calls: on a busy 2-core machine its first paint can take a while. */
export const PAGE_LOAD = { timeout: 30_000 };

export type OrgPlan = 'free' | 'pro' | 'enterprise';
export type CreatedOrg = { id: string; name: string; slug: string; plan: OrgPlan; ownerEmail: string };

let orgCounter = 0;

/** What the platform specs set up through the API as the bootstrap super_admin: their own orgs, so the demo data stays as it is. */
export class PlatformApi {
  constructor(private readonly request: APIRequestContext) {}

  /** A new active org with an invited owner; names and slugs are unique to this run. */
  async createOrg(options: { name?: string; plan?: OrgPlan } = {}): Promise<CreatedOrg> {
    const unique = `${Date.now().toString(36)}-${++orgCounter}`;
    const body = {
      name: options.name ?? `E2E Org ${unique}`,
      slug: `e2e-${unique}`,
      plan: options.plan ?? 'free',
      owner_email: `owner-${unique}@e2e.example`,
    };
    const response = await this.request.post('/api/v1/platform/orgs', { data: body });
    expect(response.status(), await response.text()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    return { id, name: body.name, slug: body.slug, plan: body.plan, ownerEmail: body.owner_email };
  }
}

export const test = base.extend<{ platformApi: PlatformApi; signInSuperAdmin: (name?: string) => Promise<SignedInStaff> }>({
  platformApi: async ({ playwright, baseURL }, use) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${process.env[adminTokenVariable]}` } });
    await use(new PlatformApi(context));
    await context.dispose();
  },

  /** A fresh super_admin of this test, signed in in the test's browser. */
  signInSuperAdmin: async ({ page, adminApi }, use) => {
    await use(async (name = 'Petra Platform') => signInStaffThroughApi(page, await adminApi.createStaff('super_admin', name)));
  },
});

export { expect };
