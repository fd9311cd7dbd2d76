import { AuditLogPage } from '../pages/audit-log-page';
import { ConsoleShell } from '../pages/console-shell';
import { ForbiddenPage } from '../pages/forbidden-page';
import { SignInPage } from '../pages/sign-in-page';
import { expectAccessible } from '../support/accessibility';
import { demoTenant } from '../support/environment';
import { expect, test } from '../support/fixtures';
import { signInTenantUserThroughApi } from '../support/sign-in';

test('an owner signs in, finds what platform staff did marked Platform Support in the org audit log, and signs out', async ({ page, adminApi }) => {
  // Something staff do to the org, which its own log must show.
  await adminApi.changeOrgPlan(await adminApi.orgIdBySlug('acme'), 'pro');
  const signInPage = new SignInPage(page, 'tenant');
  const shell = new ConsoleShell(page);
  const auditLog = new AuditLogPage(page);

  await signInPage.open();
  await expectAccessible(page);
  await signInPage.signIn(demoTenant.owner.email, demoTenant.password);
  await expect(page.getByRole('heading', { name: `Welcome, ${demoTenant.owner.name}` })).toBeVisible();
  await shell.expectSignedInAs(demoTenant.owner.name, 'Owner');
  await expectAccessible(page);

  await shell.section('Organization').getByRole('link', { name: 'Audit log' }).click();
  await auditLog.expectLoaded();
  await expect(auditLog.rows.filter({ hasText: 'user.login' }).filter({ hasText: demoTenant.owner.email }).first()).toBeVisible();
  const planChange = auditLog.rows.filter({ hasText: 'org.plan_changed_by_platform' }).first();
  await expect(planChange).toContainText('Platform Support');
  await expect(planChange).toContainText('admin@keel.test');
  await expect(auditLog.rows.filter({ hasText: 'user.login' }).first()).not.toContainText('Platform Support');
  await auditLog.expectAccessible();

  await shell.signOut(demoTenant.owner.name);
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('alert').filter({ hasText: 'Signed out' })).toBeVisible();
  await signInPage.expectShown();
  await expectAccessible(page); // with the toast
});

test('a viewer has no audit log: no menu entry, and the 403 page at its address', async ({ page }) => {
  await signInTenantUserThroughApi(page, { email: demoTenant.viewer.email, password: demoTenant.password });
  const shell = new ConsoleShell(page);

  await page.goto('/app');
  await expect(shell.section('Organization').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(shell.navigation.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await page.goto('/app/audit-log');
  await new ForbiddenPage(page).expectShown();
});

test('the owner of an organization awaiting approval is told why sign-in is refused', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const signInPage = new SignInPage(page, 'tenant');

  await signInPage.open();
  await signInPage.signIn(demoTenant.pendingOrgOwner.email, demoTenant.password);

  await signInPage.expectProblem('Sign-in refused', 'Your organization is awaiting approval by the platform team');
});
