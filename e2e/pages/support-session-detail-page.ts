import { expect, type Locator, type Page } from '@playwright/test';

/** One support session: its two cards and its access log. */
export class SupportSessionDetailPage {
  readonly details: Locator;
  readonly timing: Locator;
  readonly accessLog: Locator;
  readonly accessLogRows: Locator;

  constructor(private readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Session details' });
    this.timing = page.getByRole('region', { name: 'Timing' });
    this.accessLog = page.getByRole('table', { name: 'Access log' });
    this.accessLogRows = this.accessLog.locator('tbody tr');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.details).toBeVisible({ timeout: 30_000 });
  }

  /** The access log row of one request, e.g. `PATCH /api/v1/org/settings`. */
  request(method: string, path: string): Locator {
    return this.accessLogRows.filter({ has: this.page.getByText(method, { exact: true }) }).filter({ has: this.page.getByText(path, { exact: true }) });
  }
}
