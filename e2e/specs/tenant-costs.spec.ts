import { AuditLogPage } from '../pages/audit-log-page';
import { ConsoleShell } from '../pages/console-shell';
import { SignInPage } from '../pages/sign-in-page';
import { TenantCloudAccountsPage } from '../pages/tenant-cloud-accounts-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/tenant-fixtures';

test('an owner connects a cloud account, syncs it, sees its costs in the chart, and finds every step in the audit log', async ({ page, tenantOrgs }) => {
  const org = await tenantOrgs.create('costs');
  const shell = new ConsoleShell(page);
  const accounts = new TenantCloudAccountsPage(page);

  const signInPage = new SignInPage(page, 'tenant');
  await signInPage.open();
  await signInPage.signIn(org.owner.email, org.owner.password);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${org.ownerName}` })).toBeVisible();
  // A new organization has nothing to show yet, and says what to do first.
  await expect(page.getByRole('heading', { name: 'Connect a cloud account' })).toBeVisible();

  await page.getByRole('link', { name: 'Connect a cloud account' }).click();
  await expect(accounts.heading).toBeVisible();
  await accounts.connect('Production', 'AWS', '123456789012');
  await accounts.connect('Legacy billing', 'Google Cloud', 'legacy-invalid-project');

  // Both sync in the background at once; each row shows the outcome when its sync ends.
  await accounts.sync('Production');
  await accounts.sync('Legacy billing');
  await accounts.expectSynced('Production', 'Connected');
  await accounts.expectSynced('Legacy billing', 'Sync failed');
  // The provider's own message, so that the owner knows what to fix.
  await expect(accounts.row('Legacy billing')).toContainText("PERMISSION_DENIED: Permission 'bigquery.tables.getData' denied on billing export dataset of project 'legacy-invalid-project'");
  await expectAccessible(page);

  await shell.section('Organization').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Cost over time' })).toBeVisible();
  await expect(page.locator('.recharts-area-area').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cost, last 30 days' })).not.toContainText('$0.00');
  await expect(page.getByRole('list', { name: 'Cost by provider' })).toContainText('AWS');
  await expect(page.getByRole('group', { name: 'Cloud accounts' })).toContainText('1 failing to sync');
  await page.getByText('90 days', { exact: true }).click();
  await expect(page.getByRole('group', { name: 'Cost, last 90 days' })).toBeVisible();
  await expectAccessible(page);

  await shell.section('Organization').getByRole('link', { name: 'Audit log' }).click();
  const auditLog = new AuditLogPage(page);
  await auditLog.expectLoaded();
  for (const action of ['cloud_account.created', 'cloud_account.sync_requested', 'cloud_account.synced', 'cloud_account.sync_failed']) {
    await expect(auditLog.rows.filter({ hasText: action }).first()).toBeVisible();
  }
  await expect(auditLog.rows.filter({ hasText: 'cloud_account.created' })).toHaveCount(2);
});
