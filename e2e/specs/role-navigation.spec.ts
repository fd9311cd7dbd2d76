import { ConsoleShell } from '../pages/console-shell';
import { ForbiddenPage } from '../pages/forbidden-page';
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/accessibility';
import { signInStaffThroughApi } from '../support/sign-in';

test('a support_admin sees the Support menu but no Platform menu, and gets the 403 page on a platform page', async ({ page, adminApi }) => {
  await signInStaffThroughApi(page, await adminApi.createStaff('support_admin', 'Sam Support'));
  const shell = new ConsoleShell(page);

  await page.goto('/support');
  await expect(page.getByRole('heading', { level: 1, name: 'Tenant health', exact: true })).toBeVisible();
  await shell.expectSignedInAs('Sam Support', 'Support admin');
  await expect(shell.section('Support').getByRole('link', { name: 'Tenant health' })).toBeVisible();
  await expect(shell.section('Platform')).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/platform/audit-log');
  await new ForbiddenPage(page).expectShown();
  await expectAccessible(page);
});

test('a super_admin sees both the Platform and the Support menu', async ({ page, adminApi }) => {
  await signInStaffThroughApi(page, await adminApi.createStaff('super_admin'));
  const shell = new ConsoleShell(page);

  await page.goto('/support');
  await expect(shell.section('Platform').getByRole('link', { name: 'Audit log' })).toBeVisible();
  await shell.section('Support').getByRole('link', { name: 'Tenant health' }).click();
  await expect(page.getByRole('heading', { name: 'Tenant health', exact: true })).toBeVisible();
  await shell.section('Platform').getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL('/platform/audit-log');
});

test('a visitor without a session who opens a console page is sent to the right sign-in page', async ({ page }) => {
  await page.goto('/platform/audit-log?action=platform.login');
  await expect(page).toHaveURL('/platform/login?returnTo=%2Fplatform%2Faudit-log%3Faction%3Dplatform.login');

  await page.goto('/app/audit-log');
  await expect(page).toHaveURL('/login?returnTo=%2Fapp%2Faudit-log');
});
