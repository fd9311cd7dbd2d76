import { expect, type APIRequestContext } from '@playwright/test';
import { staffPassword } from './environment';

type OutboxMessage = { id: string; to: string; subject: string; text: string; created_at: string };
export type StaffRole = 'super_admin' | 'support_admin';
export type StaffAccount = { id: string; email: string; name: string; role: StaffRole; password: string };

let accountCounter = 0;

/** A super_admin talking to the API directly: the setup steps a test is not about. */
export class AdminApi {
  constructor(private readonly request: APIRequestContext) {}

  /** Invites a staff member; answers the new account's id. Audited as platform.user_created by this admin. */
  async inviteStaff(staff: { email: string; name: string; role: StaffRole }): Promise<string> {
    const response = await this.request.post('/api/v1/platform/users', { data: staff });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** A staff account ready to sign in: invited, and its invitation accepted with `staffPassword`. */
  async createStaff(role: StaffRole, name = role === 'super_admin' ? 'Sasha Super' : 'Sam Support'): Promise<StaffAccount> {
    const email = `${role.replace('_', '-')}-${Date.now()}-${++accountCounter}@keel.test`;
    const id = await this.inviteStaff({ email, name, role });
    const token = new URL(await this.invitationLinkFor(email)).searchParams.get('token');
    const accept = await this.request.post('/api/v1/platform/auth/accept-invite', { data: { token, password: staffPassword } });
    expect(accept.status(), await accept.text()).toBe(200);
    return { id, email, name, role, password: staffPassword };
  }

  /** The id of the organization with this slug (the demo data's `acme`, …). */
  async orgIdBySlug(slug: string): Promise<string> {
    const response = await this.request.get('/api/v1/platform/orgs', { params: { search: slug } });
    expect(response.status(), await response.text()).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; slug: string }[] };
    const organization = items.find((item) => item.slug === slug);
    expect(organization, `no organization ${slug}`).toBeDefined();
    return organization!.id;
  }

  /** A staff action on an org: it lands in the org's own audit log too (org.plan_changed_by_platform). */
  async changeOrgPlan(orgId: string, plan: 'free' | 'pro' | 'enterprise'): Promise<void> {
    const response = await this.request.patch(`/api/v1/platform/orgs/${orgId}/plan`, { data: { plan } });
    expect(response.status(), await response.text()).toBe(200);
  }

  /** The link of the invitation mailed to `email`, once the mail queue has delivered it to the outbox. */
  async invitationLinkFor(email: string): Promise<string> {
    let link: string | undefined;
    await expect(async () => {
      const response = await this.request.get('/api/v1/platform/dev/outbox');
      expect(response.status()).toBe(200);
      const { items } = (await response.json()) as { items: OutboxMessage[] };
      const invitation = items.find((message) => message.to === email && /\/accept-invite\?/.test(message.text));
      link = invitation?.text.match(/https?:\/\/\S+\/accept-invite\?\S+/)?.[0];
      expect(link, `no invitation for ${email} in the outbox yet`).toBeDefined();
    }).toPass({ timeout: 15_000 });
    return link!;
  }
}
