import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

/** The Create support session dialog of one tenant, opened from the tenant health table or the tenant's page. */
export class SupportSessionDialog {
  readonly dialog: Locator;
  readonly duration: Locator;

  constructor(
    private readonly page: Page,
    tenantName: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Support session for ${tenantName}` });
    this.duration = this.dialog.getByRole('slider', { name: 'Duration in minutes' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await expectAccessible(this.page, '[role="dialog"]');
  }

  scope(label: 'Read-only' | 'Read and write'): Locator {
    return this.dialog.getByRole('radio', { name: label });
  }

  async fill({ reason, ticket }: { reason: string; ticket?: string }): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    if (ticket) await this.dialog.getByRole('textbox', { name: 'Ticket reference' }).fill(ticket);
  }

  async create(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Create session' }).click();
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }
}
