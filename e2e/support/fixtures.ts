import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { AdminApi } from './admin-api';
import { adminTokenVariable } from './environment';

type ConsoleErrors = {
  /** Tolerates console errors matching `pattern` in this test: the browser logs every 4xx a test provokes on purpose. */
  allow(pattern: RegExp): void;
};

type Fixtures = {
  consoleErrors: ConsoleErrors;
  adminApi: AdminApi;
  /** The API as the holder of `accessToken`: what a signed-in person could do with their own token. */
  apiAs: (accessToken: string) => Promise<AdminApi>;
};

export const test = base.extend<Fixtures>({
  // Every test fails on a browser console error or an uncaught page error.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((error) => error.startsWith('uncaught:') || !allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],

  // The bootstrap super_admin, signed in once by the global setup.
  adminApi: async ({ apiAs }, use) => {
    const accessToken = process.env[adminTokenVariable];
    if (!accessToken) throw new Error(`${adminTokenVariable} is not set: the global setup signs the bootstrap admin in`);
    await use(await apiAs(accessToken));
  },

  apiAs: async ({ playwright, baseURL }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async (accessToken) => {
      const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
      contexts.push(context);
      return new AdminApi(context);
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },
});

export { expect };
