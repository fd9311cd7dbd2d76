import { PlatformOrgPage } from '../pages/platform-org-page';
import { PlatformOrgsPage } from '../pages/platform-orgs-page';
import { PlatformOutboxPage } from '../pages/platform-outbox-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/platform-api';

const ACTIVE_ORG_ACTIONS = ['Change plan', 'Require 2FA', 'Contact admins', 'Disable organization', 'Delete organization'];

test('a super_admin changes an org’s plan and sees it on the org and in the list', async ({ page, platformApi, signInSuperAdmin }) => {
  const org = await platformApi.createOrg({ plan: 'free' });
  await signInSuperAdmin();
  const orgPage = new PlatformOrgPage(page);

  await orgPage.open(org.id, org.name);
  await expectAccessible(page);
  const dialog = await orgPage.openAction('Change plan');
  await orgPage.expectDialogAccessible();
  await dialog.getByRole('radio', { name: 'Enterprise' }).check();
  await dialog.getByRole('button', { name: 'Change plan' }).click();

  await expect(orgPage.toast(`${org.name} is now on the Enterprise plan.`)).toBeVisible();
  await orgPage.expectDialogClosed();
  await expect(page.getByRole('main').getByText('Enterprise', { exact: true })).toBeVisible();

  const orgs = new PlatformOrgsPage(page);
  await orgs.open(`?q=${org.slug}`);
  await expect(orgs.row(org.name)).toContainText('Enterprise');
});

test('a super_admin disables an org with a reason, and enables it again', async ({ page, platformApi, signInSuperAdmin }) => {
  const org = await platformApi.createOrg();
  await signInSuperAdmin();
  const orgPage = new PlatformOrgPage(page);
  await orgPage.open(org.id, org.name);

  const dialog = await orgPage.openAction('Disable organization');
  await expect(dialog.getByRole('button', { name: 'Disable' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Payment overdue since October');
  await dialog.getByRole('button', { name: 'Disable' }).click();

  await expect(page.getByText('Nobody in this organization can sign in or use the API. Reason: Payment overdue since October')).toBeVisible();
  await orgPage.expectActions(['Enable organization', 'Change plan', 'Require 2FA', 'Contact admins', 'Delete organization']);

  const enable = await orgPage.openAction('Enable organization');
  await enable.getByRole('button', { name: 'Enable' }).click();
  await expect(orgPage.toast(`${org.name} is active again.`)).toBeVisible();
  await expect(page.getByText(/Nobody in this organization can sign in/)).toBeHidden();
  await orgPage.expectActions(ACTIVE_ORG_ACTIONS);
});

test('a super_admin deletes an org by typing its slug, sees when it goes, and restores it', async ({ page, platformApi, signInSuperAdmin }) => {
  const org = await platformApi.createOrg();
  await signInSuperAdmin();
  const orgPage = new PlatformOrgPage(page);
  await orgPage.open(org.id, org.name);

  const dialog = await orgPage.openAction('Delete organization');
  const confirm = dialog.getByRole('button', { name: 'Delete organization' });
  await dialog.getByRole('textbox', { name: `Type ${org.slug} to confirm` }).fill(org.slug.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${org.slug} to confirm` }).fill(org.slug);
  await confirm.click();

  await expect(orgPage.toast(new RegExp(`${org.name} will be deleted on `))).toBeVisible();
  const notice = page.getByRole('alert').filter({ hasText: 'Scheduled for deletion' });
  await expect(notice).toContainText('will be deleted for good on');
  // Seven days of grace.
  const inSevenDays = new Date(Date.now() + 7 * 86_400_000);
  await expect(notice).toContainText(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(inSevenDays).split(',')[0]);
  await orgPage.expectActions(['Restore organization']);
  await expectAccessible(page);

  await notice.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog', { name: 'Restore organization' }).getByRole('button', { name: 'Restore' }).click();
  await expect(orgPage.toast(`The deletion of ${org.name} is cancelled.`)).toBeVisible();
  await expect(notice).toBeHidden();
  await orgPage.expectActions(ACTIVE_ORG_ACTIONS);
});

test('a super_admin contacts an org’s admins and reads the mail in the outbox, its markup shown as text', async ({ page, platformApi, signInSuperAdmin, consoleErrors }) => {
  // The frame's empty sandbox also blocks the scripts Playwright itself runs in every frame (trace snapshots)
  // (the mail itself holds none: see the srcdoc checks below).
  consoleErrors.allow(/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/);
  const org = await platformApi.createOrg();
  await signInSuperAdmin();
  const orgPage = new PlatformOrgPage(page);
  const subject = `Maintenance window ${org.slug}`;
  await orgPage.open(org.id, org.name);

  const dialog = await orgPage.openAction('Contact admins');
  await orgPage.expectDialogAccessible();
  await dialog.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await dialog.getByRole('textbox', { name: 'Message' }).fill('We upgrade the database at 22:00 UTC. <b>Not bold</b>');
  await dialog.getByRole('button', { name: 'Send message' }).click();
  // The new org's only owner or admin: its invited owner.
  await expect(orgPage.toast('Sent to 1 recipient.')).toBeVisible();

  const outbox = new PlatformOutboxPage(page);
  await outbox.open();
  await expect(outbox.row(subject, org.ownerEmail)).toBeVisible();
  await expectAccessible(page);
  await outbox.openMessage(subject, org.ownerEmail);
  await expect(outbox.dialog.locator('pre')).toContainText(`A message from the Keel platform team to ${org.name}`);
  await expect(outbox.dialog.locator('pre')).toContainText('We upgrade the database at 22:00 UTC. <b>Not bold</b>');
  await expectAccessible(page, '[role="dialog"]');

  // The HTML part: escaped by the API, shown in a frame that may run nothing (so the test reads its source, not its DOM).
  await outbox.dialog.getByRole('tab', { name: 'HTML' }).click();
  const frame = outbox.htmlFrame(subject);
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('srcdoc', /We upgrade the database at 22:00 UTC\. &lt;b&gt;Not bold&lt;\/b&gt;/);
  expect(await frame.getAttribute('srcdoc')).not.toMatch(/<script|<b>/i);
});
