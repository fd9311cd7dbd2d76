import { TenantResourcePage } from '../pages/tenant-resource-page';
import { expectAccessible } from '../support/accessibility';
import { signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/tenant-fixtures';

test('an owner creates and deletes a budget and an alert rule', async ({ page, tenantOrgs }) => {
  const org = await tenantOrgs.create('resources');
  await signInTenantUserThroughApi(page, org.owner);

  const budgets = new TenantResourcePage(page, 'Budgets', '/app/budgets');
  await budgets.open();
  await expect(page.getByRole('heading', { name: 'No budgets yet' })).toBeVisible();
  await budgets.create('New budget', { Name: { text: 'Cloud spend' }, Amount: { text: '2500' }, Period: { option: 'Quarterly' } });
  await budgets.expectToast('Budget created');
  await expect(budgets.row('Cloud spend')).toContainText(/\$2,500\.00.*Quarterly.*Whole organization/);
  await expectAccessible(page);
  await budgets.delete('Cloud spend', 'Delete budget');

  const alertRules = new TenantResourcePage(page, 'Alert rules', '/app/alert-rules');
  await alertRules.open();
  await alertRules.create('New alert rule', { Name: { text: 'Budget nearly used' }, Metric: { option: 'Budget used' }, Threshold: { text: '80' } });
  await alertRules.expectToast('Alert rule created');
  await expect(alertRules.row('Budget nearly used')).toContainText(/Budget used.*80%.*Enabled/);
  await alertRules.delete('Budget nearly used', 'Delete alert rule');
  await expect(page.getByRole('heading', { name: 'No alert rules yet' })).toBeVisible();
});
