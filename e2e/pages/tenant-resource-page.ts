import { expect, type Locator, type Page } from '@playwright/test';

type FieldValue = { text: string } | { option: string };

/**
 * A tenant list page built on the console's org-resource pages (cloud accounts, budgets, alert
 * rules): a table named like the page, a create button, one dialog per item, deletion with confirmation.
 */
export class TenantResourcePage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(
    protected readonly page: Page,
    title: string,
    private readonly path: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: title });
    this.table = page.getByRole('table', { name: title });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Opens the create dialog with `createLabel`, fills the fields by label, and submits. */
  async create(createLabel: string, fields: Record<string, FieldValue>): Promise<void> {
    await this.page.getByRole('button', { name: createLabel }).first().click();
    await expect(this.dialog).toBeVisible();
    await this.fill(fields);
    await this.dialog.getByRole('button', { name: createLabel }).click();
  }

  async fill(fields: Record<string, FieldValue>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) {
      if ('text' in value) await this.dialog.getByRole('textbox', { name: label, exact: true }).fill(value.text);
      else await this.dialog.getByRole('combobox', { name: label }).selectOption({ label: value.option });
    }
  }

  async delete(name: string, confirmLabel: string): Promise<void> {
    await this.row(name).getByRole('button', { name: `Delete ${name}` }).click();
    await this.dialog.getByRole('button', { name: confirmLabel }).click();
    await expect(this.row(name)).toHaveCount(0);
  }

  async expectToast(title: string): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: title }).first()).toBeVisible();
  }
}
