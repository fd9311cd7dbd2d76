import { expect, type Locator, type Page } from '@playwright/test';

/** The tenant console in the tab a support session opened: the banner above every page. */
export class SupportSessionTab {
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('region', { name: 'Support session' });
  }

  /** Who acts as whom, how far they may go, and a countdown. */
  async expectBanner({ staffEmail, userEmail, scope }: { staffEmail: string; userEmail: string; scope: 'Read-only' | 'Read and write' }): Promise<void> {
    // The tab loads the console and asks the staff tab for the token first: slow on a loaded machine.
    await expect(this.banner).toBeVisible({ timeout: 30_000 });
    await expect(this.banner).toContainText(`Support session: ${staffEmail} acting as ${userEmail}`);
    await expect(this.banner).toContainText(scope);
    await expect(this.banner).toContainText(/\d+:\d\d left/);
  }

  async endSession(): Promise<void> {
    await this.banner.getByRole('button', { name: 'End session' }).click();
    await expect(this.page.getByRole('heading', { name: 'Support session ended' })).toBeVisible();
  }
}
