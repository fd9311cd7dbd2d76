import { expect, type Locator, type Page } from '@playwright/test';

export class LandingPage {
  readonly heading: Locator;
  readonly staffSignIn: Locator;
  readonly tenantSignIn: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Welcome to Keel' });
    this.staffSignIn = page.getByRole('link', { name: 'Platform staff sign-in' });
    this.tenantSignIn = page.getByRole('link', { name: 'Sign in to your organization' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }
}
