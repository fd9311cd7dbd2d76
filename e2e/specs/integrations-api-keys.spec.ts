import { ApiKeysPage } from '../pages/integrations-api-keys-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/integrations-api';
import { signInStaffThroughApi } from '../support/sign-in';

const HEALTH = '/api/v1/platform/tenants/health';

test('a super_admin creates an API key, an integration uses it, and revoking it in the console stops it at once', async ({ page, adminApi, integrationsApi, request }) => {
  await signInStaffThroughApi(page, await adminApi.createStaff('super_admin', 'Ines Integrator'));
  const apiKeysPage = new ApiKeysPage(page);
  const name = `Health probe ${Date.now()}`;

  await apiKeysPage.open();
  await expectAccessible(page);
  const secret = await apiKeysPage.createKey({ name, role: 'support_admin' });
  expect(secret).toMatch(/^keel_\S{20,}$/);

  // The list recognises the key by its first characters only.
  const row = apiKeysPage.row(name);
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText('Support admin');
  await expect(page.locator('body')).not.toContainText(secret);

  // What an integration does with it: no person, no cookie, just the bearer key.
  const asIntegration = { headers: { Authorization: `Bearer ${secret}` } };
  const allowed = await request.get(HEALTH, asIntegration);
  expect(allowed.status(), await allowed.text()).toBe(200);

  // The console shows the use, once the API has noted it.
  await integrationsApi.waitForUseOf(name);
  await page.reload();
  await expect(row).toContainText(/ago|now/);
  await expectAccessible(page);

  await apiKeysPage.revoke(name);
  await expect(page.getByRole('alert').filter({ hasText: 'API key revoked' })).toBeVisible();
  await expect(row).toHaveCount(0);

  const refused = await request.get(HEALTH, asIntegration);
  expect(refused.status()).toBe(401);
});
