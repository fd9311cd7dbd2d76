import { expect, type Locator, type Page } from '@playwright/test';
import { SecretOnceDialog } from './integrations-secret-dialog';

/** `/platform/api-keys`. */
export class ApiKeysPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'API keys' });
    this.table = page.getByRole('table', { name: 'API keys' });
  }

  async open(): Promise<void> {
    await this.page.goto('/platform/api-keys');
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('status', { name: 'Loading API keys' })).toBeHidden();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Creates a key through the dialog; answers the secret read from the copy-once dialog. */
  async createKey({ name, role }: { name: string; role: 'super_admin' | 'support_admin' }): Promise<string> {
    // One "Create API key" button: in the header above a list, in the empty state otherwise.
    await this.page.getByRole('button', { name: 'Create API key' }).click();
    const form = this.page.getByRole('dialog', { name: 'Create API key' });
    await form.getByRole('textbox', { name: /Name/ }).fill(name);
    await form.getByRole('combobox', { name: /Role/ }).selectOption(role);
    await form.getByRole('button', { name: 'Create key' }).click();
    return new SecretOnceDialog(this.page, `API key “${name}” created`, 'API key').readSecretAndClose();
  }

  async revoke(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: `Revoke ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Revoke API key' });
    await expect(dialog).toContainText('stops working at once');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(dialog).toBeHidden();
  }
}
