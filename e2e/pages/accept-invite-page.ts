import { expect, type Locator, type Page } from '@playwright/test';

export class AcceptInvitePage {
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly submit: Locator;

  constructor(private readonly page: Page) {
    this.newPassword = page.getByRole('textbox', { name: 'New password', exact: true });
    this.confirmPassword = page.getByRole('textbox', { name: 'Confirm password', exact: true });
    this.submit = page.getByRole('button', { name: 'Set password and activate' });
  }

  /** Opens the link as it arrived in the mail. */
  async open(invitationLink: string): Promise<void> {
    await this.page.goto(invitationLink);
    await expect(this.page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  }

  async setPassword(password: string): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirmPassword.fill(password);
    await this.submit.click();
  }

  async expectAccountReady(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
    await expect(this.page.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/platform/login');
  }

  async expectError(message: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('alert')).toContainText(message);
  }
}
