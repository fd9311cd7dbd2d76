import { AuditLogPage } from '../pages/audit-log-page';
import { SignInPage } from '../pages/sign-in-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/fixtures';
import { signInStaffThroughApi } from '../support/sign-in';

test('a session that ends sends the next request to the sign-in page, and signing in again returns to the same filtered page', async ({
  page,
  adminApi,
  consoleErrors,
}) => {
  // The revoked token's 401 and the failed renewal's 401 are what this test is about.
  consoleErrors.allow(/status of 401/);
  const staff = await signInStaffThroughApi(page, await adminApi.createStaff('super_admin', 'Ella Expiry'));
  const auditLog = new AuditLogPage(page);
  await auditLog.open('/platform/audit-log?action=platform.login');

  // End the session behind the page's back: log out through the API with the browser's own refresh
  // cookie. The access token the page holds in memory is revoked at once and the cookie is cleared.
  const logout = await page.context().request.post('/api/v1/platform/auth/logout', { data: { cookie: true }, headers: { 'X-Keel-CSRF': '1' } });
  expect(logout.status(), await logout.text()).toBe(200);

  await auditLog.filter({ perPage: '25' });

  const returnTo = '/platform/audit-log?action=platform.login&size=25';
  await expect(page).toHaveURL(`/platform/login?returnTo=${encodeURIComponent(returnTo)}`);
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  const signInPage = new SignInPage(page, 'platform');
  await signInPage.expectShown();
  await expectAccessible(page);
  await signInPage.signIn(staff.email, staff.password);
  await signInPage.enterRecoveryCode(staff.recoveryCodes[0]);

  await expect(page).toHaveURL(returnTo);
  await auditLog.expectLoaded();
  await expect(page.getByRole('textbox', { name: 'Action' })).toHaveValue('platform.login');
});
