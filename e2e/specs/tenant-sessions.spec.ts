import { ConsoleShell } from '../pages/console-shell';
import { expectAccessible } from '../support/accessibility';
import { realmHintKey } from '../support/environment';
import { signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/tenant-fixtures';

const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

test('a user lists their sessions, ends another device, then ends this one and is signed out', async ({ page, playwright, baseURL, tenantOrgs, consoleErrors }) => {
  const org = await tenantOrgs.create('sessions');
  await signInTenantUserThroughApi(page, org.owner);
  // A second device of the same person.
  const phone = await playwright.request.newContext({ baseURL, userAgent: PHONE });
  const login = await phone.post('/api/v1/auth/login', { data: { email: org.owner.email, password: org.owner.password } });
  expect(login.status(), await login.text()).toBe(200);
  await phone.dispose();

  await page.goto('/app/sessions');
  const table = page.getByRole('table', { name: 'My sessions' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const thisBrowser = table.getByRole('row').filter({ hasText: 'This browser' });
  await expect(thisBrowser).toHaveCount(1);
  await expectAccessible(page);

  await table.getByRole('button', { name: /^End session of Safari on iOS/ }).click();
  await page.getByRole('dialog', { name: 'End session' }).getByRole('button', { name: 'End session' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  await thisBrowser.getByRole('button', { name: 'End session of this browser and sign out' }).click();
  await page.getByRole('dialog', { name: 'End this session' }).getByRole('button', { name: 'End and sign out' }).click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('alert').filter({ hasText: 'You ended the session of this browser' })).toBeVisible();
  // The session really ended: its refresh cookie no longer restores it, even when the console tries.
  consoleErrors.allow(/status of 401/);
  await page.evaluate(([key, realm]) => window.localStorage.setItem(key, realm), [realmHintKey, 'tenant'] as const);
  await page.goto('/app/sessions');
  await expect(page).toHaveURL(/\/login\?returnTo=/);
  await expect(new ConsoleShell(page).navigation).toHaveCount(0);
});
