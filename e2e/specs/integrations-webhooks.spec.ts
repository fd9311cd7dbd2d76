import { verifyWebhookSignature } from '@keel/shared';
import { WebhooksPage } from '../pages/integrations-webhooks-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/integrations-api';
import { orgCreatedEventsFor, startWebhookReceiver, type ReceivedEvent, type WebhookReceiver } from '../support/integrations-receiver';
import { signInStaffThroughApi } from '../support/sign-in';

test('a super_admin adds webhooks in the console; a new org arrives signed, and failed attempts show with their retries and Send again', async ({
  page,
  adminApi,
  integrationsApi,
  consoleErrors,
}) => {
  // The cloud-metadata URL below is refused on purpose.
  consoleErrors.allow(/status of 400/);
  const healthy = await startWebhookReceiver(200);
  const failing = await startWebhookReceiver(500);
  try {
    await signInStaffThroughApi(page, await adminApi.createStaff('super_admin', 'Wanda Webhook'));
    const webhooksPage = new WebhooksPage(page);
    await webhooksPage.open();

    // The API's 400 shows in the dialog, which stays open for a correction.
    await webhooksPage.submitWebhook({ url: 'http://169.254.169.254/latest/meta-data', events: ['org.created'] });
    await expect(webhooksPage.addDialog.getByRole('alert')).toContainText('link-local or cloud metadata');
    await expectAccessible(page, '[role="dialog"]');
    const secret = await webhooksPage.correctUrl(healthy.url);
    expect(secret).toMatch(/^whsec_/);
    await webhooksPage.addWebhook({ url: failing.url, events: ['org.created'] });
    await expect(webhooksPage.row(healthy.url)).toContainText('org.created');
    await expectAccessible(page);

    const org = await integrationsApi.createOrg();

    // The failing receiver first, while its retries still come every few seconds (1, 2, 4… s here).
    const refused = await firstOrgCreated(failing, org.id);
    await integrationsApi.waitForAttempt(failing.url, refused.event.id);
    const failingPage = await webhooksPage.openWebhook(failing.url);
    const attempts = failingPage.attemptsAt(refused.event.id);
    await expect(attempts.first()).toContainText('Failed: 500');
    const seen = await attempts.count();
    // No Refresh pressed: the page refreshes by itself while a retry is due.
    await expect.poll(() => attempts.count(), { timeout: 20_000 }).toBeGreaterThan(seen);
    await expect(attempts.first()).toContainText(/in \d+ seconds?|now/);
    await expect(attempts.nth(1)).toContainText('Retried');
    await failingPage.sendAgain(attempts.first());
    await page.goBack();
    await webhooksPage.delete(failing.url);
    await expect(page.getByRole('alert').filter({ hasText: 'Webhook deleted' })).toBeVisible();

    const delivered = await firstOrgCreated(healthy, org.id);
    expect(delivered.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature(secret, delivered.body, delivered.signature)).toBe(true);
    expect(delivered.event.data).toMatchObject({ organization: { id: org.id, slug: org.slug } });
    const healthyPage = await webhooksPage.openWebhook(healthy.url);
    await integrationsApi.waitForAttempt(healthy.url, delivered.event.id);
    await healthyPage.refresh();
    const success = healthyPage.attemptsAt(delivered.event.id);
    await expect(success).toContainText('org.created');
    await expect(success).toContainText('Delivered: 200');
    await expectAccessible(page);
  } finally {
    // Every org a later spec creates would reach these receivers otherwise.
    await integrationsApi.deleteWebhooksTo([healthy.url, failing.url]);
    await Promise.all([healthy.close(), failing.close()]);
  }
});

async function firstOrgCreated(receiver: WebhookReceiver, orgId: string): Promise<ReceivedEvent> {
  await expect.poll(() => orgCreatedEventsFor(receiver, orgId).length, { message: `an org.created event at ${receiver.url}`, timeout: 20_000 }).toBeGreaterThan(0);
  return orgCreatedEventsFor(receiver, orgId)[0];
}
