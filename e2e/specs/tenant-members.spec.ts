import { TenantMembersPage } from '../pages/tenant-members-page';
import { expectAccessible } from '../support/accessibility';
import { signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/tenant-fixtures';

test('an owner invites a member, changes their role and removes them', async ({ page, tenantOrgs }) => {
  const org = await tenantOrgs.create('members');
  await signInTenantUserThroughApi(page, org.owner);
  const members = new TenantMembersPage(page);
  const newcomer = `newcomer@${org.slug}.example`;

  await members.open();
  await expect(members.row(org.owner.email)).toContainText('You');
  await members.invite(newcomer, 'Operator');
  await expect(members.row(newcomer)).toContainText('Operator');
  await expectAccessible(page);

  await members.changeRole(newcomer, 'Admin');
  await expect(members.row(newcomer)).toContainText('Admin');

  await members.remove(newcomer);
  await expect(page.getByRole('alert').filter({ hasText: 'Member removed' })).toBeVisible();
});
