import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { PAGE_LOAD } from '../support/platform-api';

/** `/platform/orgs/:orgId`: the drill-down, its tabs and its action dialogs. */
export class PlatformOrgPage {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async open(orgId: string, name: string): Promise<void> {
    await this.page.goto(`/platform/orgs/${orgId}`);
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible(PAGE_LOAD);
  }

  /** Opens an entry of the Actions menu; answers its dialog. */
  async openAction(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Actions' }).click();
    await this.page.getByRole('menuitem', { name }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  async expectDialogAccessible(): Promise<void> {
    await expectAccessible(this.page, '[role="dialog"]');
  }

  /** The Actions menu offers exactly these, in this order. */
  async expectActions(names: string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Actions' }).click();
    await expect(this.page.getByRole('menuitem')).toHaveText(names);
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('menu')).toBeHidden();
  }

  async expectDialogClosed(): Promise<void> {
    await expect(this.dialog).toBeHidden();
  }

  /** A toast of the console (Mantine notifications are alerts). */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
