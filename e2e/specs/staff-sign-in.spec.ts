import { readFile } from 'node:fs/promises';
import { generateSync } from 'otplib';
import { ConsoleShell } from '../pages/console-shell';
import { SignInPage } from '../pages/sign-in-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/fixtures';

test('a new staff member enrolls TOTP from the QR code page, keeps the recovery codes, and lands in the console', async ({ page, adminApi }) => {
  const staff = await adminApi.createStaff('super_admin', 'Erin Enroll');
  const signInPage = new SignInPage(page, 'platform');

  await signInPage.open();
  await expectAccessible(page);
  await signInPage.signIn(staff.email, staff.password);
  const secret = await signInPage.expectEnrollmentAndReadSecret();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // What an authenticator app would show after scanning the QR code.
  await signInPage.enterEnrollmentCode(generateSync({ secret }));

  const codes = await signInPage.readRecoveryCodes();
  expect(codes).toHaveLength(10);
  const download = await signInPage.downloadRecoveryCodes();
  expect(download.suggestedFilename()).toBe('keel-recovery-codes.txt');
  const saved = await readFile(await download.path(), 'utf8');
  for (const code of codes) expect(saved).toContain(code);

  await signInPage.confirmCodesSavedAndContinue();
  await expect(page).toHaveURL('/platform');
  await new ConsoleShell(page).expectSignedInAs('Erin Enroll', 'Super admin');
});

test('a wrong password gets one clear message, whoever the account', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 401/);
  const signInPage = new SignInPage(page, 'platform');

  await signInPage.open();
  await signInPage.signIn('nobody@keel.test', 'not the password at all');

  await signInPage.expectProblem('Wrong e-mail or password', 'The e-mail address or password is not correct.');
  await expectAccessible(page);
});
