import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

type Filters = { action?: string; actorId?: string; perPage?: '25' | '50' | '100' };

/** `/platform/audit-log` or `/app/audit-log`. */
export class AuditLogPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly range: Locator;
  readonly drawer: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /audit log/i });
    this.table = page.getByRole('table', { name: 'Audit entries' });
    this.rows = this.table.locator('tbody tr');
    this.range = page.getByText(/^Showing \d/);
    this.drawer = page.getByRole('dialog');
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** axe over the whole page; worth doing once the table shows what the test is about (it is slow on big tables). */
  async expectAccessible(): Promise<void> {
    await expectAccessible(this.page);
  }

  async filter({ action, actorId, perPage }: Filters): Promise<void> {
    if (action !== undefined) await this.page.getByRole('textbox', { name: 'Action' }).fill(action);
    if (actorId !== undefined) await this.page.getByRole('textbox', { name: 'Actor ID' }).fill(actorId);
    if (perPage !== undefined) await this.page.getByRole('combobox', { name: 'Per page' }).selectOption(perPage);
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async previous(): Promise<void> {
    await this.page.getByRole('button', { name: 'Previous' }).click();
  }

  /** Opens the details of the `index`-th entry on the page (0 = newest). */
  async openEntry(index: number): Promise<void> {
    await this.rows.nth(index).getByRole('button', { name: /^Details of entry/ }).click();
    await expect(this.drawer).toBeVisible();
    await expectAccessible(this.page, '[role="dialog"]');
  }

  async closeEntry(): Promise<void> {
    await this.drawer.getByRole('button', { name: 'Close the entry details' }).click();
    await expect(this.drawer).toBeHidden();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    return download;
  }

  async verifyChain(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Verify chain' }).click();
    const result = this.page.getByRole('status').filter({ hasText: 'Hash chain intact' });
    await expect(result).toBeVisible();
    return result;
  }
}
