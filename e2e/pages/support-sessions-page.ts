import { expect, type Locator, type Page } from '@playwright/test';

/** `/support/sessions` (staff) and `/app/support-access` (an org's owners and admins): the same list of support sessions. */
export class SupportSessionsPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(
    private readonly page: Page,
    private readonly where: 'support' | 'tenant',
  ) {
    this.table = page.getByRole('table', { name: 'Support sessions' });
    this.rows = this.table.locator('tbody tr');
  }

  /** The list, narrowed to one org for staff (the shared database holds every spec's sessions). */
  async open(orgId?: string): Promise<void> {
    await this.page.goto(this.where === 'support' ? `/support/sessions${orgId ? `?org_id=${orgId}` : ''}` : '/app/support-access');
    await expect(this.page.getByRole('heading', { level: 1, name: this.where === 'support' ? 'Support sessions' : 'Support access' })).toBeVisible({ timeout: 30_000 });
    await expect(this.table).toBeVisible();
  }

  statCard(label: 'Active' | 'Revoked' | 'Expired'): Locator {
    return this.page.getByRole('group', { name: label });
  }

  async openDetails(row: Locator): Promise<void> {
    await row.getByRole('link', { name: /^Details of the session of/ }).click();
  }
}
