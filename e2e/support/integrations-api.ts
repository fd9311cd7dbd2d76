import { expect, type APIRequestContext } from '@playwright/test';
import { test as base } from './fixtures';
import { adminTokenVariable } from './environment';

type DeliveryAttempt = { id: string; event_id: string; event_type: string; attempt: number; status_code: number | null; next_retry_at: string | null };
type Webhook = { id: string; url: string };
type ApiKey = { id: string; name: string; last_used_at: string | null };

let orgCounter = 0;

/** The bootstrap super_admin's calls that the integrations specs need besides `adminApi`'s. */
export class IntegrationsApi {
  constructor(private readonly request: APIRequestContext) {}

  /** A new active organization of its own (an `org.created` event for every webhook that listens). */
  async createOrg(): Promise<{ id: string; slug: string }> {
    const slug = `hooked-${Date.now()}-${++orgCounter}`;
    const response = await this.request.post('/api/v1/platform/orgs', { data: { name: `Hooked ${slug}`, slug, plan: 'free', owner_email: `owner@${slug}.example` } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; slug: string };
  }

  async apiKeys(): Promise<ApiKey[]> {
    const response = await this.request.get('/api/v1/platform/api-keys');
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { items: ApiKey[] }).items;
  }

  /** Waits until the API notes a use of the key (it writes `last_used_at` just after answering the call). */
  async waitForUseOf(keyName: string): Promise<void> {
    await expect
      .poll(async () => (await this.apiKeys()).find((key) => key.name === keyName)?.last_used_at ?? null, { message: `a use of ${keyName}`, timeout: 15_000 })
      .not.toBeNull();
  }

  /** Waits until the webhook to `url` has a recorded attempt at the event (recorded just after the receiver answers). */
  async waitForAttempt(url: string, eventId: string): Promise<void> {
    const webhook = (await this.webhooks()).find((candidate) => candidate.url === url);
    expect(webhook, `a webhook to ${url}`).toBeDefined();
    await expect
      .poll(async () => (await this.deliveries(webhook!.id)).some((attempt) => attempt.event_id === eventId), { message: `an attempt at ${eventId}`, timeout: 15_000 })
      .toBe(true);
  }

  async webhooks(): Promise<Webhook[]> {
    const response = await this.request.get('/api/v1/platform/webhooks');
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { items: Webhook[] }).items;
  }

  async deliveries(webhookId: string): Promise<DeliveryAttempt[]> {
    const response = await this.request.get(`/api/v1/platform/webhooks/${webhookId}/deliveries`);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { items: DeliveryAttempt[] }).items;
  }

  /** Removes the webhooks to these URLs, if still there: every org a later spec creates would be sent to them otherwise. */
  async deleteWebhooksTo(urls: string[]): Promise<void> {
    for (const webhook of (await this.webhooks()).filter((candidate) => urls.includes(candidate.url))) {
      const response = await this.request.delete(`/api/v1/platform/webhooks/${webhook.id}`);
      expect([204, 404], await response.text()).toContain(response.status());
    }
  }
}

/** The shared fixtures, plus `integrationsApi` as the bootstrap super_admin. */
export const test = base.extend<{ integrationsApi: IntegrationsApi }>({
  integrationsApi: async ({ playwright, baseURL }, use) => {
    const accessToken = process.env[adminTokenVariable];
    if (!accessToken) throw new Error(`${adminTokenVariable} is not set: the global setup signs the bootstrap admin in`);
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
    await use(new IntegrationsApi(context));
    await context.dispose();
  },
});

export { expect } from './fixtures';
