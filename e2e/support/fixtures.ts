import { test as base, expect } from '@playwright/test';
import { AdminApi } from './admin-api';
import { bootstrapAdmin } from './environment';

type Fixtures = { adminApi: AdminApi };

export const test = base.extend<Fixtures>({
  adminApi: async ({ playwright, baseURL }, use) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const login = await anonymous.post('/api/v1/platform/auth/login', { data: bootstrapAdmin });
    expect(login.status(), await login.text()).toBe(200);
    const { access_token: accessToken } = (await login.json()) as { access_token: string };
    await anonymous.dispose();

    const signedIn = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
    await use(new AdminApi(signedIn));
    await signedIn.dispose();
  },
});

export { expect };
