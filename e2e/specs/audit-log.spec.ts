import { readFile } from 'node:fs/promises';
import { AuditLogPage } from '../pages/audit-log-page';
import { expect, test } from '../support/fixtures';
import { signInStaffThroughApi } from '../support/sign-in';

const CSV_HEADER = 'id,seq,created_at,action,actor_type,actor_id,actor_email,target_type,target_id,target_name,org_id,impersonation_id,ip_address,user_agent,request_id,metadata,chain_key,chain_index,chain_prev_hash,chain_hash,checkpoint';
const INVITATIONS = 30;

test('a super_admin filters the platform log, pages with Next and Previous, opens an entry, exports the filter as CSV and verifies the chain', async ({
  page,
  adminApi,
  apiAs,
}) => {
  const admin = await signInStaffThroughApi(page, await adminApi.createStaff('super_admin', 'Paige Pager'));
  // Entries only this admin made: one platform.user_created per invitation.
  const asAdmin = await apiAs(admin.accessToken);
  for (let index = 0; index < INVITATIONS; index += 1) {
    await asAdmin.inviteStaff({ email: `invitee-${index}-${Date.now()}@keel.test`, name: `Invitee ${index}`, role: 'support_admin' });
  }
  const auditLog = new AuditLogPage(page);

  await auditLog.open('/platform/audit-log');
  await auditLog.filter({ action: 'platform.user_created', actorId: admin.id, perPage: '25' });

  await expect(auditLog.range).toHaveText(`Showing 1–25 of ${INVITATIONS} entries`);
  await expect(auditLog.rows).toHaveCount(25);
  await auditLog.expectAccessible();
  const firstPage = await invitationsShown(auditLog);
  await auditLog.next();
  await expect(auditLog.range).toHaveText(`Showing 26–${INVITATIONS} of ${INVITATIONS} entries`);
  await expect(auditLog.rows).toHaveCount(INVITATIONS - 25);
  const secondPage = await invitationsShown(auditLog);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  // Newest first, and the two pages together hold every entry exactly once.
  expect([...firstPage, ...secondPage]).toEqual(Array.from({ length: INVITATIONS }, (_, index) => INVITATIONS - 1 - index));
  await auditLog.previous();
  await expect(auditLog.range).toHaveText(`Showing 1–25 of ${INVITATIONS} entries`);
  expect(await invitationsShown(auditLog)).toEqual(firstPage);

  await auditLog.openEntry(0);
  await expect(auditLog.drawer).toContainText('platform.user_created');
  await expect(auditLog.drawer).toContainText(admin.email);
  await expect(auditLog.drawer).toContainText(admin.id);
  await expect(auditLog.drawer.getByRole('heading', { name: 'Metadata' })).toBeVisible();
  await auditLog.closeEntry();

  const download = await auditLog.exportCsv();
  expect(download.suggestedFilename()).toMatch(/^platform-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(INVITATIONS + 1);
  for (const line of lines.slice(1)) expect(line).toContain(`,platform.user_created,platform_user,${admin.id},`);
  await expect(page.getByRole('alert').filter({ hasText: 'Export downloaded' })).toBeVisible();

  const verification = await auditLog.verifyChain();
  await expect(verification).toContainText(/sealed entries? checked/);
});

/** The numbers of the invitations (the entries' targets, `invitee-<n>-…`) in the rows on screen, top to bottom. */
async function invitationsShown(auditLog: AuditLogPage): Promise<number[]> {
  const rows = await auditLog.rows.allInnerTexts();
  return rows.map((row) => Number(/invitee-(\d+)-/.exec(row)?.[1]));
}
