import { expect, type Page } from '@playwright/test';

export class ForbiddenPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await expect(this.page.getByText('Error 403')).toBeVisible();
  }
}
