import type { BrowserContext, Page } from '@playwright/test';
import { SupportSessionDetailPage } from '../pages/support-session-detail-page';
import { SupportSessionDialog } from '../pages/support-session-dialog';
import { SupportSessionTab } from '../pages/support-session-tab';
import { SupportSessionsPage } from '../pages/support-sessions-page';
import { SupportTenantDetailPage } from '../pages/support-tenant-detail-page';
import { SupportTenantHealthPage } from '../pages/support-tenant-health-page';
import { expectAccessible } from '../support/accessibility';
import { signInStaffThroughApi, signInTenantUserThroughApi } from '../support/sign-in';
import { expect, test } from '../support/support-sessions-api';

const REASON = 'Customer reports their budgets page shows no data';

/** Collects the support-session tokens (tenant tokens with `impersonating: true`) that any tab of `context` sends. */
function watchSupportTokens(context: BrowserContext): string[] {
  const tokens: string[] = [];
  context.on('request', (request) => {
    const token = request.headers()['authorization']?.replace(/^Bearer /, '');
    const payload = token?.split('.')[1];
    if (!token || !payload || tokens.includes(token)) return;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { impersonating?: boolean };
    if (claims.impersonating) tokens.push(token);
  });
  return tokens;
}

/** A change the tenant console's own pages would send, made from the support tab with the session's token. */
function renameOrg(page: Page, token: string): Promise<{ status: number; message: string }> {
  return page.evaluate(async (bearer) => {
    const response = await fetch('/api/v1/org/settings', {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed by support' }),
    });
    return { status: response.status, message: ((await response.json()) as { message: string }).message };
  }, token);
}

test('a support_admin is refused while the owner says no, then opens a read-only session from tenant health, is refused a change, ends it, and the owner sees every request', async ({ page, context, adminApi, supportApi, sessionsApi, consoleErrors }) => {
  // The health job judges a new org within a minute, and the table lists it only then: the first step runs meanwhile.
  test.setTimeout(180_000);
  const tenant = await sessionsApi.createTenantWithOwner();
  // Signed in with TOTP just now: within 5 minutes of it, no code is asked for (SPEC §6 step-up).
  const staff = await signInStaffThroughApi(page, await adminApi.createStaff('support_admin', 'Sam Support'));
  const healthPage = new SupportTenantHealthPage(page);
  const dialog = new SupportSessionDialog(page, tenant.name);
  const supportTokens = watchSupportTokens(context);
  let supportTab!: SupportSessionTab;

  await test.step('while the owner has support access off, the dialog on the tenant’s page shows the API’s refusal', async () => {
    consoleErrors.allow(/status of 403/);
    await sessionsApi.setSupportAccess(tenant, false);
    await page.goto(`/support/tenants/${tenant.id}`);
    await new SupportTenantDetailPage(page).expectTenant(tenant.name);
    await page.getByRole('button', { name: `Create support session for ${tenant.name}` }).click();
    await dialog.fill({ reason: REASON });
    await dialog.create();

    await expect(dialog.error()).toContainText('The organization’s owner has turned platform support access off');
    await expectAccessible(page, '[role="dialog"]');
    await dialog.dialog.getByRole('button', { name: 'Cancel' }).click();
    await sessionsApi.setSupportAccess(tenant, true);
  });

  await test.step('the row’s Create support session opens the dialog; creating opens the support tab under the banner', async () => {
    await supportApi.waitUntilJudged(tenant.name);
    await healthPage.open();
    await healthPage.search(tenant.name);
    await healthPage.row(tenant.name).getByRole('button', { name: `Create support session for ${tenant.name}` }).click();
    await dialog.expectOpen();
    await expect(dialog.duration).toHaveAttribute('aria-valuenow', '15');
    await expect(dialog.scope('Read-only')).toBeChecked();
    await expect(dialog.scope('Read and write')).toBeDisabled();
    await dialog.fill({ reason: REASON, ticket: 'SUP-4711' });

    const newTab = context.waitForEvent('page');
    await dialog.create();
    supportTab = new SupportSessionTab(await newTab);

    await expect(page.getByRole('alert').filter({ hasText: 'Support session started' })).toContainText(/Session [0-9a-f-]{36} ends at/);
    await expect(dialog.dialog).toBeHidden();
    await supportTab.expectBanner({ staffEmail: staff.email, userEmail: tenant.owner.email, scope: 'Read-only' });
    // The token came by postMessage: never in the tab's address.
    await expect(supportTab.page).toHaveURL(/\/app$/);
    await expectAccessible(supportTab.page);
  });

  await test.step('in the support tab, a change is refused: the session is read-only', async () => {
    expect(supportTokens).toHaveLength(1);
    expect(await renameOrg(supportTab.page, supportTokens[0])).toEqual({ status: 403, message: 'This support session is read-only: it cannot change anything' });
  });

  await test.step('after a reload the staff tab hands the token over again; End session ends it', async () => {
    await supportTab.page.reload();
    await supportTab.expectBanner({ staffEmail: staff.email, userEmail: tenant.owner.email, scope: 'Read-only' });
    await supportTab.endSession();
    await supportTab.page.close();
  });

  const sessionsPage = new SupportSessionsPage(page, 'support');
  const detailPage = new SupportSessionDetailPage(page);
  let requestCount = '';

  await test.step('back in the staff tab, the session is listed revoked, and its page lists every request', async () => {
    await sessionsPage.open(tenant.id);
    await expect(sessionsPage.rows).toHaveCount(1);
    const row = sessionsPage.rows.first();
    await expect(row).toContainText('Revoked');
    await expect(row).toContainText(staff.email);
    await expect(row).toContainText(REASON);
    await expectAccessible(page);

    await sessionsPage.openDetails(row);
    await detailPage.expectLoaded();
    await expect(detailPage.details).toContainText('StatusRevoked');
    await expect(detailPage.details).toContainText(`Staff member${staff.email}`);
    await expect(detailPage.details).toContainText('TicketSUP-4711');
    await expect(detailPage.timing).toContainText('End reasonEnded from the support tab');
    await expect(page.getByRole('button', { name: 'Revoke session' })).toHaveCount(0);
    await expect(detailPage.request('PATCH', '/api/v1/org/settings')).toContainText('403');
    // Reads are written in batches within a second: the two page loads' `me` calls are there by now.
    await expect(detailPage.request('GET', '/api/v1/auth/me')).toHaveCount(2);
    requestCount = (await page.getByText(/^Showing 1–\d+ of \d+ requests?$/).textContent()) ?? '';
    await expectAccessible(page);
  });

  await test.step('the org owner sees the session on Support access: who, why, and the same requests', async () => {
    await signInTenantUserThroughApi(page, tenant.owner);
    const accessPage = new SupportSessionsPage(page, 'tenant');
    await accessPage.open();
    await expect(accessPage.rows).toHaveCount(1);
    await expect(accessPage.rows.first()).toContainText(staff.email);
    await expect(accessPage.rows.first()).toContainText(REASON);
    await expect(accessPage.statCard('Revoked')).toContainText('1');
    await expect(page.getByRole('note').getByRole('link', { name: 'Settings' })).toBeVisible();
    await expectAccessible(page);

    await accessPage.openDetails(accessPage.rows.first());
    await detailPage.expectLoaded();
    await expect(detailPage.details).toContainText(`Staff member${staff.email}`);
    await expect(detailPage.details).toContainText(`Reason${REASON}`);
    await expect(detailPage.request('PATCH', '/api/v1/org/settings')).toContainText('403');
    await expect(page.getByText(requestCount, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Revoke session' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
