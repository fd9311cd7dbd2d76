import { expect, type APIRequestContext } from '@playwright/test';

type OutboxMessage = { id: string; to: string; subject: string; text: string; created_at: string };
type StaffRole = 'super_admin' | 'support_admin';

/** The bootstrap super_admin, talking to the API directly: the setup steps a test is not about. */
export class AdminApi {
  constructor(private readonly request: APIRequestContext) {}

  async inviteStaff(staff: { email: string; name: string; role: StaffRole }): Promise<void> {
    const response = await this.request.post('/api/v1/platform/users', { data: staff });
    expect(response.status(), await response.text()).toBe(201);
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
