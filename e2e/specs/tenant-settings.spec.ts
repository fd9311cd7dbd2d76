import { AuditLogPage } from '../pages/audit-log-page';
import { ConsoleShell } from '../pages/console-shell';
import { ForbiddenPage } from '../pages/forbidden-page';
import { expectAccessible } from '../support/accessibility';
import { demoTenant } from '../support/environment';
import { signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/tenant-fixtures';

const IMPERSONATION = /^Allow platform support sessions/;

test('an owner turns platform support sessions off after a confirmation that explains it, and the audit log records it', async ({ page, tenantOrgs }) => {
  const org = await tenantOrgs.create('settings');
  await signInTenantUserThroughApi(page, org.owner);

  await page.goto('/app/settings');
  const impersonation = page.getByRole('switch', { name: IMPERSONATION });
  await expect(impersonation).toBeChecked();
  await impersonation.click();
  const dialog = page.getByRole('dialog', { name: 'Turn off platform support sessions' });
  await expect(dialog).toContainText('will no longer be able to open support sessions on this organization');
  await expectAccessible(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Turn off support sessions' }).click();
  await expect(impersonation).not.toBeChecked();
  await expectAccessible(page);

  const auditLog = new AuditLogPage(page);
  await auditLog.open('/app/audit-log');
  await expect(auditLog.rows.filter({ hasText: 'org.platform_impersonation_disabled' })).toHaveCount(1);
});

test('an admin sees the owner-only switches disabled', async ({ page }) => {
  await signInTenantUserThroughApi(page, { email: 'admin@acme.example', password: demoTenant.password });

  await page.goto('/app/settings');
  await expect(page.getByRole('switch', { name: IMPERSONATION })).toBeDisabled();
  await expect(page.getByRole('switch', { name: /^Require two-factor authentication/ })).toBeDisabled();
  await expect(page.getByText('Only owners can change these settings.')).toBeVisible();
  await expectAccessible(page);
});

test('a viewer has no Members or Settings in the menu, and the 403 page at their addresses', async ({ page }) => {
  await signInTenantUserThroughApi(page, { email: demoTenant.viewer.email, password: demoTenant.password });
  const shell = new ConsoleShell(page);

  await page.goto('/app/cloud-accounts');
  await expect(page.getByRole('table', { name: 'Cloud accounts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect account' })).toHaveCount(0);
  await expect(shell.navigation.getByRole('link', { name: 'Members' })).toHaveCount(0);
  await expect(shell.navigation.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  await page.goto('/app/settings');
  await new ForbiddenPage(page).expectShown();
});
