import { AcceptInvitePage } from '../pages/accept-invite-page';
import { expect, test } from '../support/fixtures';

test('an invited staff member sets a password from the mailed link, signs in, and cannot reuse the link', async ({ page, adminApi, request, consoleErrors }) => {
  consoleErrors.allow(/status of 400/);
  const email = `support-${Date.now()}@keel.test`;
  const password = 'a long staff passphrase';
  const acceptInvitePage = new AcceptInvitePage(page);

  await adminApi.inviteStaff({ email, name: 'Sam Support', role: 'support_admin' });
  const invitationLink = await adminApi.invitationLinkFor(email);
  expect(new URL(invitationLink).searchParams.get('realm')).toBe('platform');

  await acceptInvitePage.open(invitationLink);
  await acceptInvitePage.setPassword(password);
  await acceptInvitePage.expectAccountReady();

  // The password works; staff must then set up two-factor authentication before a session starts.
  const login = await request.post('/api/v1/platform/auth/login', { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  expect(await login.json()).toMatchObject({ mfa_enrollment_required: true, mfa_token: expect.any(String) });

  await acceptInvitePage.open(invitationLink);
  await acceptInvitePage.setPassword('another long passphrase');
  await acceptInvitePage.expectError('This invitation link is invalid, expired or already used');
});
