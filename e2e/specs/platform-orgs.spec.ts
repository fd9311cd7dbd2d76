import { PlatformOrgsPage } from '../pages/platform-orgs-page';
import { expectAccessible } from '../support/accessibility';
import { expect, PAGE_LOAD, test } from '../support/platform-api';

test('the platform dashboard shows the figures and the growth chart, and leads from the sync errors to sync health', async ({ page, signInSuperAdmin }) => {
  await signInSuperAdmin();

  await page.goto('/platform');
  await expect(page.getByRole('heading', { level: 1, name: 'Platform dashboard' })).toBeVisible(PAGE_LOAD);
  // The demo seed: about 50 orgs, 10 cloud accounts failing.
  await expect(page.getByRole('group', { name: 'Organizations', exact: true })).toContainText(/\d{2}/);
  await expect(page.getByRole('group', { name: 'Sync errors', exact: true })).toContainText(/[1-9]/);
  await expect(page.getByRole('table', { name: 'New organizations per week, the last 12 weeks' }).locator('tbody tr')).toHaveCount(12);
  await expectAccessible(page);

  await page.getByRole('group', { name: 'Sync errors', exact: true }).getByRole('link', { name: 'Sync errors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync health' })).toBeVisible(PAGE_LOAD);
  await expect(page.getByRole('table', { name: 'Cloud accounts failing to sync' }).locator('tbody tr').first()).toContainText('invalid');
  await expectAccessible(page);
});

test('a super_admin finds orgs by name, sorts them on a column both ways, and the address keeps the view', async ({ page, platformApi, signInSuperAdmin }) => {
  const run = Date.now().toString(36);
  // Created oldest first: the default order (newest first) differs from the name order.
  for (const letter of ['Bravo', 'Charlie', 'Alpha']) await platformApi.createOrg({ name: `Sortable ${run} ${letter}` });
  await signInSuperAdmin();
  const orgs = new PlatformOrgsPage(page);

  await orgs.open();
  await orgs.search(`sortable ${run}`);
  await expect(orgs.rows).toHaveCount(3);
  expect(await orgs.names()).toEqual([`Sortable ${run} Alpha`, `Sortable ${run} Charlie`, `Sortable ${run} Bravo`]);

  await orgs.sortBy('Name');
  await expect(orgs.column('Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => orgs.names()).toEqual([`Sortable ${run} Alpha`, `Sortable ${run} Bravo`, `Sortable ${run} Charlie`]);
  await orgs.sortBy('Name');
  await expect(orgs.column('Name')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => orgs.names()).toEqual([`Sortable ${run} Charlie`, `Sortable ${run} Bravo`, `Sortable ${run} Alpha`]);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('-name');
  await expectAccessible(page);

  // A shared link (or a reload) opens the same view.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue(`sortable ${run}`);
  await expect.poll(() => orgs.names()).toEqual([`Sortable ${run} Charlie`, `Sortable ${run} Bravo`, `Sortable ${run} Alpha`]);

  await orgs.row(`Sortable ${run} Bravo`).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: `Sortable ${run} Bravo` })).toBeVisible(PAGE_LOAD);
});

test('the usage, active sessions and staff pages list what the API holds', async ({ page, signInSuperAdmin }) => {
  const admin = await signInSuperAdmin('Ulla Usage');

  await page.goto('/platform/usage');
  await expect(page.getByRole('table', { name: 'Usage per organization, last 30 days' }).locator('tbody tr').first()).toBeVisible(PAGE_LOAD);
  await expectAccessible(page);

  await page.goto('/platform/sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Active sessions' })).toBeVisible(PAGE_LOAD);
  await expect(page.getByRole('table', { name: 'Active tenant sessions' }).or(page.getByRole('heading', { name: 'No active sessions' }))).toBeVisible();

  await page.goto('/platform/staff');
  const me = page.getByRole('table', { name: 'Staff accounts' }).locator('tbody tr').filter({ hasText: admin.email });
  await expect(me).toContainText('You', PAGE_LOAD);
  await expectAccessible(page);
});
