import { LandingPage } from '../pages/landing-page';
import { NotFoundPage } from '../pages/not-found-page';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/fixtures';

test('the landing page offers both sign-in pages', async ({ page }) => {
  const landingPage = new LandingPage(page);

  await landingPage.open();
  await expect(landingPage.staffSignIn).toHaveAttribute('href', '/platform/login');
  await expect(landingPage.tenantSignIn).toHaveAttribute('href', '/login');
  await expectAccessible(page);
});

test('an unknown address shows the 404 page, which leads back home', async ({ page }) => {
  const notFoundPage = new NotFoundPage(page);

  await page.goto('/no/such/page');
  await notFoundPage.expectShownFor('/no/such/page');
  await expectAccessible(page);
  await notFoundPage.goHome();

  await expect(new LandingPage(page).heading).toBeVisible();
});
