import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

/** `/support`: the health stat cards and the tenant health table. */
export class SupportTenantHealthPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tenant health', exact: true });
    this.table = page.getByRole('table', { name: 'Tenant health' });
    this.rows = this.table.locator('tbody tr');
  }

  async open(): Promise<void> {
    await this.page.goto('/support');
    // A fresh tab loads the console's chunks first: on a loaded 2-core machine that can outlast the default 10 s.
    await expect(this.heading).toBeVisible({ timeout: 30_000 });
    await expect(this.table).toBeVisible();
  }

  /** A health class's card: its name, how many tenants, out of how many. */
  statCard(label: 'Healthy' | 'Warning' | 'Critical' | 'Unknown'): Locator {
    return this.page.getByRole('group', { name: label });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }

  row(tenantName: string): Locator {
    return this.rows.filter({ has: this.page.getByText(tenantName, { exact: true }) });
  }

  async openDetails(tenantName: string): Promise<void> {
    await this.row(tenantName).getByRole('link', { name: `View details of ${tenantName}` }).click();
  }

  async expectAccessible(): Promise<void> {
    await expectAccessible(this.page);
  }
}
