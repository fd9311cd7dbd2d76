import { expect, type Locator, type Page } from '@playwright/test';
import { SecretOnceDialog } from './integrations-secret-dialog';

/** `/platform/webhooks`. */
export class WebhooksPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Webhooks' });
    this.table = page.getByRole('table', { name: 'Webhooks' });
    this.addDialog = page.getByRole('dialog', { name: 'Add webhook' });
  }

  async open(): Promise<void> {
    await this.page.goto('/platform/webhooks');
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('status', { name: 'Loading webhooks' })).toBeHidden();
  }

  /** Opens the dialog, fills it in and submits it; the dialog stays open on a refusal. */
  async submitWebhook({ url, events }: { url: string; events: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add webhook' }).click();
    await this.addDialog.getByRole('textbox', { name: /URL/ }).fill(url);
    for (const event of events) await this.addDialog.getByRole('checkbox', { name: event, exact: true }).check();
    await this.addDialog.getByRole('button', { name: 'Add webhook' }).click();
  }

  /** Adds a webhook; answers the signing secret read from the copy-once dialog. */
  async addWebhook(webhook: { url: string; events: string[] }): Promise<string> {
    await this.submitWebhook(webhook);
    return this.readSigningSecret();
  }

  /** After a refusal: puts another URL in the open dialog and submits it again; answers the signing secret. */
  async correctUrl(url: string): Promise<string> {
    await this.addDialog.getByRole('textbox', { name: /URL/ }).fill(url);
    await this.addDialog.getByRole('button', { name: 'Add webhook' }).click();
    return this.readSigningSecret();
  }

  private readSigningSecret(): Promise<string> {
    return new SecretOnceDialog(this.page, 'Webhook added', 'Signing secret').readSecretAndClose();
  }

  row(url: string): Locator {
    return this.table.getByRole('row').filter({ hasText: url });
  }

  async openWebhook(url: string): Promise<WebhookPage> {
    await this.row(url).getByRole('link', { name: url }).click();
    const webhookPage = new WebhookPage(this.page);
    await expect(webhookPage.url).toHaveText(url);
    return webhookPage;
  }

  async delete(url: string): Promise<void> {
    await this.row(url).getByRole('button', { name: `Delete the webhook to ${url}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete webhook' });
    await dialog.getByRole('button', { name: 'Delete webhook' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(url)).toHaveCount(0);
  }
}

/** `/platform/webhooks/:webhookId`: one webhook's delivery attempts. */
export class WebhookPage {
  readonly heading: Locator;
  readonly url: Locator;
  readonly deliveries: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Webhook' });
    this.url = page.locator('main').getByText(/^https?:\/\//).first();
    this.deliveries = page.getByRole('table', { name: 'Delivery attempts' });
  }

  /** The attempts at one event, newest first. */
  attemptsAt(eventId: string): Locator {
    return this.deliveries.getByRole('row').filter({ hasText: eventId.slice(0, 8) });
  }

  /** Reads the deliveries again, as the Refresh button does (the page refreshes by itself only while a retry is due). */
  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  /** Presses the row's "Send again" and waits for the API to queue it (202) and the console to say so. */
  async sendAgain(row: Locator): Promise<void> {
    const queued = this.page.waitForResponse((response) => /\/events\/[^/]+\/redeliver$/.test(response.url()) && response.request().method() === 'POST');
    await row.getByRole('button', { name: /^Send .* again$/ }).click();
    expect((await queued).status()).toBe(202);
    await expect(this.page.getByRole('alert').filter({ hasText: 'Queued' })).toBeVisible();
  }
}
