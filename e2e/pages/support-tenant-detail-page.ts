import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

/** `/support/tenants/:orgId`: one tenant's health, signals, last 48 hours and Force logout. */
export class SupportTenantDetailPage {
  readonly health: Locator;
  readonly chart: Locator;
  readonly chartTable: Locator;
  readonly forceLogoutDialog: Locator;

  constructor(private readonly page: Page) {
    this.health = page.getByRole('region', { name: 'Health' });
    this.chart = page.getByRole('img', { name: /^API calls per hour over the last 48 hours/ });
    this.chartTable = page.getByRole('table', { name: 'API calls and errors per hour, last 48 hours' });
    this.forceLogoutDialog = page.getByRole('dialog', { name: /^Force logout of/ });
  }

  async expectTenant(name: string): Promise<void> {
    // The page's chunk carries the chart library: slow to load on a loaded machine.
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible({ timeout: 30_000 });
  }

  signal(label: 'API calls (24 h)' | 'Errors (24 h)' | 'Baseline' | 'Last seen'): Locator {
    return this.page.getByRole('group', { name: label });
  }

  /** Opens the confirmation, checks it, and confirms. */
  async forceLogout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Force logout' }).click();
    await expect(this.forceLogoutDialog).toBeVisible();
    await expect(this.forceLogoutDialog).toContainText('ends at once');
    await expectAccessible(this.page, '[role="dialog"]');
    await this.forceLogoutDialog.getByRole('button', { name: 'Force logout' }).click();
    await expect(this.forceLogoutDialog).toBeHidden();
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
