import { SupportTenantDetailPage } from '../pages/support-tenant-detail-page';
import { SupportTenantHealthPage } from '../pages/support-tenant-health-page';
import { expectAccessible } from '../support/accessibility';
import { demoTenant } from '../support/environment';
import { signInStaffThroughApi, signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/support-api';

test('a support_admin finds a tenant by name, reads why it has its health class, and forces all its users out', async ({ page, adminApi, supportApi }) => {
  // The health job judges every org once a minute: this test may wait for it twice (the demo orgs, then its own org).
  test.setTimeout(240_000);
  // An org of this test's own: no other test depends on its users' sessions.
  const tenant = await supportApi.createSignedInTenant();
  expect(await supportApi.meStatus(tenant.ownerAccessToken)).toBe(200);
  await signInStaffThroughApi(page, await adminApi.createStaff('support_admin', 'Sam Support'));
  const healthPage = new SupportTenantHealthPage(page);
  const detailPage = new SupportTenantDetailPage(page);

  await test.step('search finds a demo tenant by name; its page says why it is healthy and shows its last 48 hours', async () => {
    await supportApi.waitUntilJudged('Globex');
    await healthPage.open();
    await expect(healthPage.statCard('Healthy')).toContainText(/of \d+ tenants/);
    await healthPage.search('Globex');
    await expect(page).toHaveURL('/support?search=Globex');
    await expect(healthPage.rows).toHaveCount(1);
    await expect(healthPage.row('Globex')).toContainText('Healthy');
    await healthPage.expectAccessible();

    await healthPage.openDetails('Globex');
    await detailPage.expectTenant('Globex');
    await expect(detailPage.health).toContainText('Healthy');
    await expect(detailPage.health).toContainText(/Why: error rate [\d.]+% over \d+ calls in 24 h/);
    await expect(detailPage.signal('API calls (24 h)')).toContainText(/\d/);
    await expect(detailPage.chart).toBeVisible();
    await expect(detailPage.chart.locator('svg').first()).toBeVisible();
    await expect(detailPage.chartTable.locator('tbody tr')).toHaveCount(48);
    await expectAccessible(page);
  });

  await test.step('force logout of its own org ends the owner’s session at once', async () => {
    await supportApi.waitUntilJudged(tenant.name);
    await healthPage.open();
    await healthPage.search(tenant.name);
    await healthPage.openDetails(tenant.name);
    await detailPage.expectTenant(tenant.name);

    await detailPage.forceLogout();

    await expect(detailPage.toast('1 session revoked')).toBeVisible();
    expect(await supportApi.meStatus(tenant.ownerAccessToken)).toBe(401);
  });
});

test('a super_admin sees the same support pages', async ({ page, adminApi, supportApi }) => {
  test.setTimeout(150_000);
  await supportApi.waitUntilJudged('Acme Corp');
  await signInStaffThroughApi(page, await adminApi.createStaff('super_admin'));
  const healthPage = new SupportTenantHealthPage(page);
  const detailPage = new SupportTenantDetailPage(page);

  await healthPage.open();
  for (const label of ['Healthy', 'Warning', 'Critical', 'Unknown'] as const) await expect(healthPage.statCard(label)).toBeVisible();
  await healthPage.search('Acme Corp');
  await healthPage.openDetails('Acme Corp');

  await detailPage.expectTenant('Acme Corp');
  await expect(page.getByRole('button', { name: 'Force logout' })).toBeVisible();
});

test('a tenant user who opens the support console is told it is for platform staff', async ({ page }) => {
  await signInTenantUserThroughApi(page, { email: demoTenant.viewer.email, password: demoTenant.password });

  await page.goto('/support');

  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('This page is for Keel platform staff.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tenant health' })).toHaveCount(0);
  await expectAccessible(page);
});
