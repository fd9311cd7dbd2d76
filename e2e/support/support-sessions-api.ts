import { expect, type APIRequestContext } from '@playwright/test';
import type { AdminApi } from './admin-api';
import { adminTokenVariable } from './environment';
import { test as base } from './support-api';

/** An active organization of a test's own whose owner has accepted the invitation: the test knows the owner's password. */
export type TenantWithOwner = { id: string; name: string; owner: { email: string; password: string } };

const OWNER_PASSWORD = 'a support-session e2e owner passphrase';
let tenantCounter = 0;

/** Setup for the support-session specs (SPEC §6): their own org, and what its owner decides about support access. */
export class SupportSessionsApi {
  constructor(
    /** Playwright's own request context: anonymous unless a call names its bearer. */
    private readonly request: APIRequestContext,
    private readonly adminApi: AdminApi,
  ) {}

  /** Support sessions mail its owners and land in its logs: an org of the test's own keeps that away from the demo orgs. */
  async createTenantWithOwner(): Promise<TenantWithOwner> {
    const stamp = `${Date.now().toString(36)}-${++tenantCounter}`;
    const owner = { email: `owner-${stamp}@sessions-probe.test`, password: OWNER_PASSWORD };
    const name = `Sessions Probe ${stamp}`;
    const created = await this.request.post('/api/v1/platform/orgs', {
      data: { name, slug: `sessions-probe-${stamp}`, plan: 'pro', owner_email: owner.email },
      headers: bearer(process.env[adminTokenVariable]),
    });
    expect(created.status(), await created.text()).toBe(201);
    const invitation = new URL(await this.adminApi.invitationLinkFor(owner.email)).searchParams.get('token');
    const accepted = await this.request.post('/api/v1/auth/accept-invite', { data: { token: invitation, password: owner.password } });
    expect(accepted.status(), await accepted.text()).toBe(200);
    return { id: ((await created.json()) as { id: string }).id, name, owner };
  }

  /** The owner's own lever (`allow_platform_impersonation`, SPEC §6): off, staff cannot open support sessions. */
  async setSupportAccess(tenant: TenantWithOwner, allowed: boolean): Promise<void> {
    const login = await this.request.post('/api/v1/auth/login', { data: tenant.owner });
    expect(login.status(), await login.text()).toBe(200);
    const { access_token: accessToken } = (await login.json()) as { access_token: string };
    const changed = await this.request.patch('/api/v1/org/settings', { data: { allow_platform_impersonation: allowed }, headers: bearer(accessToken) });
    expect(changed.status(), await changed.text()).toBe(200);
  }
}

function bearer(accessToken: string | undefined): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

/** The support console's fixtures (`supportApi`, …) plus `sessionsApi`. */
export const test = base.extend<{ sessionsApi: SupportSessionsApi }>({
  sessionsApi: async ({ request, adminApi }, use) => use(new SupportSessionsApi(request, adminApi)),
});

export { expect } from './support-api';
