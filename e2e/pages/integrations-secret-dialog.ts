import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';

/** The copy-once dialog that shows a new API key or webhook signing secret. */
export class SecretOnceDialog {
  readonly dialog: Locator;

  constructor(
    private readonly page: Page,
    title: string | RegExp,
    private readonly label: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  /** Reads the secret, checks the dialog, then confirms it is stored and closes it. */
  async readSecretAndClose(): Promise<string> {
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog).toContainText('You will not see this again');
    const secret = await this.dialog.getByRole('textbox', { name: this.label }).inputValue();
    await expectAccessible(this.page, '[role="dialog"]');
    const close = this.dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeDisabled();
    await this.dialog.getByRole('checkbox', { name: /I have stored/ }).check();
    await close.click();
    await expect(this.dialog).toBeHidden();
    return secret;
  }
}
