import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

/** `/platform/login` or `/login`, with every step after the password: MFA enrollment, verification, recovery codes. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly code: Locator;
  readonly recoveryCode: Locator;
  readonly secretKey: Locator;
  readonly qrCode: Locator;
  readonly problem: Locator;

  constructor(
    private readonly page: Page,
    private readonly realm: 'platform' | 'tenant',
  ) {
    this.email = page.getByRole('textbox', { name: 'E-mail address' });
    this.password = page.getByRole('textbox', { name: 'Password', exact: true });
    this.code = page.getByRole('textbox', { name: 'Authentication code' });
    this.recoveryCode = page.getByRole('textbox', { name: 'Recovery code' });
    this.secretKey = page.getByRole('textbox', { name: 'Secret key' });
    this.qrCode = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    this.problem = page.getByRole('alert');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.realm === 'platform' ? 'Staff sign-in' : 'Sign in to your organization' });
  }

  async open(): Promise<void> {
    await this.page.goto(this.realm === 'platform' ? '/platform/login' : '/login');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async expectProblem(title: string, message: string | RegExp): Promise<void> {
    await expect(this.problem).toContainText(title);
    await expect(this.problem).toContainText(message);
  }

  /** The enrollment step: the QR code and, for apps that cannot scan, the secret as text. */
  async expectEnrollmentAndReadSecret(): Promise<string> {
    await expect(this.page.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
    await expect(this.qrCode).toBeVisible();
    await expectAccessible(this.page);
    return this.secretKey.inputValue();
  }

  async enterEnrollmentCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.page.getByRole('button', { name: 'Verify and turn on' }).click();
  }

  async enterRecoveryCode(code: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
    await this.page.getByRole('button', { name: 'Use a recovery code' }).click();
    await this.recoveryCode.fill(code);
    await expectAccessible(this.page);
    await this.page.getByRole('button', { name: 'Verify and sign in' }).click();
  }

  async readRecoveryCodes(): Promise<string[]> {
    await expect(this.page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
    await expectAccessible(this.page);
    return this.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
  }

  async downloadRecoveryCodes(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download .txt' }).click();
    return download;
  }

  async confirmCodesSavedAndContinue(): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await this.page.getByRole('button', { name: 'Continue to Keel' }).click();
  }
}
