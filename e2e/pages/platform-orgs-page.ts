import { expect, type Locator, type Page } from '@playwright/test';
import { PAGE_LOAD } from '../support/platform-api';

/** `/platform/orgs`: search, filters, sortable columns, paging. */
export class PlatformOrgsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Organizations' });
    this.table = page.getByRole('table', { name: 'Organizations' });
    this.rows = this.table.locator('tbody tr');
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/platform/orgs${search}`);
    await expect(this.heading).toBeVisible(PAGE_LOAD);
    await expect(this.table).toBeVisible(PAGE_LOAD);
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
    await this.page.getByRole('textbox', { name: 'Search' }).press('Enter');
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column, exact: true }).click();
  }

  column(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** The org names in the rows, top to bottom. */
  async names(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
