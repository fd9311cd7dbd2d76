import { expect, type Locator, type Page } from '@playwright/test';

type Role = 'Owner' | 'Admin' | 'Operator' | 'Viewer';

/** `/app/members`: invitations, roles and removal (owners and admins). */
export class TenantMembersPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Members' });
    this.table = page.getByRole('table', { name: 'Members' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto('/app/members');
    await expect(this.table).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  async invite(email: string, role: Role): Promise<void> {
    await this.page.getByRole('button', { name: 'Invite member' }).click();
    await this.dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await this.dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
    await this.dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(this.row(email)).toContainText('Invited');
  }

  async changeRole(email: string, role: Role): Promise<void> {
    await this.row(email).getByRole('button', { name: /^Change the role of/ }).click();
    await this.dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
    await this.dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async remove(email: string): Promise<void> {
    await this.row(email).getByRole('button', { name: /^More actions for/ }).click();
    await this.page.getByRole('menuitem', { name: 'Remove from the organization' }).click();
    await this.dialog.getByRole('button', { name: 'Remove member' }).click();
    await expect(this.row(email)).toHaveCount(0);
  }
}
