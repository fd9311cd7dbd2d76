import { expect, type Page } from '@playwright/test';
import type { StaffAccount } from './admin-api';
import { realmHintKey } from './environment';
import { TestAuthenticator } from './totp';

export type SignedInStaff = StaffAccount & { accessToken: string; authenticator: TestAuthenticator; recoveryCodes: string[] };

/**
 * Signs a new staff account in through the API from the page's browser context, as the console
 * does: cookie mode, so the API itself sets the httpOnly refresh cookie in the browser. Nothing
 * secret is injected; the console restores the session from that cookie on the next page load.
 */
export async function signInStaffThroughApi(page: Page, account: StaffAccount): Promise<SignedInStaff> {
  const api = page.context().request;
  const login = await api.post('/api/v1/platform/auth/login', { data: { email: account.email, password: account.password, cookie: true } });
  expect(login.status(), await login.text()).toBe(200);
  const { mfa_token: mfaToken } = (await login.json()) as { mfa_token: string };
  const enrollment = await api.post('/api/v1/platform/auth/mfa/enroll', { data: { mfa_token: mfaToken } });
  const authenticator = new TestAuthenticator(((await enrollment.json()) as { secret: string }).secret);
  const verify = await api.post('/api/v1/platform/auth/mfa/verify', { data: { mfa_token: mfaToken, code: await authenticator.nextCode(), cookie: true } });
  expect(verify.status(), await verify.text()).toBe(200);
  const tokens = (await verify.json()) as { access_token: string; recovery_codes: string[] };
  await rememberRealm(page, 'platform');
  return { ...account, accessToken: tokens.access_token, authenticator, recoveryCodes: tokens.recovery_codes };
}

/** The same for a tenant user whose organization does not require 2FA. */
export async function signInTenantUserThroughApi(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const login = await page.context().request.post('/api/v1/auth/login', { data: { ...credentials, cookie: true } });
  expect(login.status(), await login.text()).toBe(200);
  await rememberRealm(page, 'tenant');
}

// The console's own non-secret hint; it keeps a visitor who never signed in from a refresh attempt.
async function rememberRealm(page: Page, realm: 'platform' | 'tenant'): Promise<void> {
  // Any page of the origin can write its localStorage: the favicon spares loading the whole console.
  await page.goto('/favicon.svg');
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [realmHintKey, realm] as const);
}
