import { LandingPage } from '../pages/landing-page';
import { NotFoundPage } from '../pages/not-found-page';
import { expect, test } from '../support/fixtures';

test('the landing page loads without console errors and offers both sign-in pages', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const landingPage = new LandingPage(page);

  await landingPage.open();
  await expect(landingPage.staffSignIn).toHaveAttribute('href', '/platform/login');
  await expect(landingPage.tenantSignIn).toHaveAttribute('href', '/login');
  await page.waitForLoadState('networkidle');

  expect(problems).toEqual([]);
});

test('an unknown address shows the 404 page, which leads back home', async ({ page }) => {
  const notFoundPage = new NotFoundPage(page);

  await page.goto('/no/such/page');
  await notFoundPage.expectShownFor('/no/such/page');
  await notFoundPage.goHome();

  await expect(new LandingPage(page).heading).toBeVisible();
});
