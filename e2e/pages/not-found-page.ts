import { expect, type Page } from '@playwright/test';

export class NotFoundPage {
  constructor(private readonly page: Page) {}

  async expectShownFor(path: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(this.page.getByText(path, { exact: true })).toBeVisible();
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Go to the start page' }).click();
  }
}
