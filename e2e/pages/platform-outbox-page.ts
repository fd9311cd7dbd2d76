import { expect, type Locator, type Page } from '@playwright/test';
import { PAGE_LOAD } from '../support/platform-api';

/** `/platform/outbox`: the demo mail outbox. */
export class PlatformOutboxPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Mail in the outbox' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto('/platform/outbox');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible(PAGE_LOAD);
    await expect(this.table).toBeVisible(PAGE_LOAD);
  }

  row(subject: string, to: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: subject }).filter({ hasText: to });
  }

  async openMessage(subject: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open “${subject}” to ${to}` }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** The frame of the HTML part (shown once its tab is picked). */
  htmlFrame(subject: string): Locator {
    return this.dialog.getByTitle(`HTML of “${subject}”`);
  }
}
