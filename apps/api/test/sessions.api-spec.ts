import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Realm } from '@keel/shared';
import {
  ACCESS_TOKEN_LIFETIME_MILLISECONDS,
  authPath,
  createAccount,
  CSRF_HEADER_NAME,
  getMe,
  loginForTokens,
  PASSWORD_MINIMUM_LENGTH,
  postLogin,
  postRefresh,
  REALMS,
  REFRESH_GRACE_MILLISECONDS,
  refreshCookieHeader,
  refreshCookieOf,
  WRONG_PASSWORD,
} from './support/auth-helpers';
import { signIn, TEST_PASSWORD, uniqueIp } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// Staff without TOTP get tokens straight from login here; TOTP itself is covered by staff-login.api-spec.ts.
describe.each(REALMS)('sessions of the %s realm', (realm: Realm) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({ STAFF_REQUIRE_2FA: 'false' });
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  const newPassword = () => `new password ${randomUUID()}`;
  const logout = () => request(test.http).post(authPath(realm, 'logout'));
  const changePassword = (accessToken: string, body: Record<string, unknown>) => request(test.http).post(authPath(realm, 'password')).auth(accessToken, { type: 'bearer' }).send(body);
  const cookieLogin = async () => {
    const account = await createAccount(test, realm);
    const response = await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD, cookie: true }).expect(200);
    return { account, response, cookie: refreshCookieOf(response)! };
  };
  const cookieRefresh = (cookieValue: string) => request(test.http).post(authPath(realm, 'refresh')).set('Cookie', refreshCookieHeader(cookieValue)).send({ cookie: true });

  describe('refresh', () => {
    it('rotates the refresh token into a new working pair', async () => {
      const account = await createAccount(test, realm);
      const first = await loginForTokens(test, account);
      test.clock.advance(1_000);

      const rotated = await postRefresh(test, realm, first.refresh_token).expect(200);
      expect(rotated.body).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
      expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
      expect(rotated.body.access_token).not.toBe(first.access_token);
      await getMe(test, realm, rotated.body.access_token).expect(200);
      await postRefresh(test, realm, rotated.body.refresh_token).expect(200);
    });

    it('hands every tab that refreshes with the same token within 10 s the same new pair', async () => {
      const account = await createAccount(test, realm);
      const first = await loginForTokens(test, account);

      const tabOne = await postRefresh(test, realm, first.refresh_token).expect(200);
      test.clock.advance(REFRESH_GRACE_MILLISECONDS - 2_000);
      const tabTwo = await postRefresh(test, realm, first.refresh_token).expect(200);
      const tabThree = await postRefresh(test, realm, first.refresh_token).expect(200);

      expect(tabTwo.body).toEqual(tabOne.body);
      expect(tabThree.body).toEqual(tabOne.body);
      await getMe(test, realm, tabOne.body.access_token).expect(200);
      await postRefresh(test, realm, tabOne.body.refresh_token).expect(200);
    });

    it('revokes the whole session when a rotated refresh token is replayed after the grace', async () => {
      const account = await createAccount(test, realm);
      const first = await loginForTokens(test, account);
      const { body: newest } = await postRefresh(test, realm, first.refresh_token).expect(200);

      test.clock.advance(REFRESH_GRACE_MILLISECONDS + 1_000);
      await postRefresh(test, realm, first.refresh_token).expect(401);

      await postRefresh(test, realm, newest.refresh_token).expect(401);
      await getMe(test, realm, newest.access_token).expect(401);
    });

    it('revokes the whole session when a refresh token from two rotations ago is replayed', async () => {
      const account = await createAccount(test, realm);
      const first = await loginForTokens(test, account);
      const { body: second } = await postRefresh(test, realm, first.refresh_token).expect(200);
      test.clock.advance(REFRESH_GRACE_MILLISECONDS + 1_000);
      const { body: third } = await postRefresh(test, realm, second.refresh_token).expect(200);

      // A thief replays the first, long-rotated token: the family must end, not just this request.
      test.clock.advance(REFRESH_GRACE_MILLISECONDS + 1_000);
      await postRefresh(test, realm, first.refresh_token).expect(401);
      await postRefresh(test, realm, third.refresh_token).expect(401);
      await getMe(test, realm, third.access_token).expect(401);
    });

    it('answers an unknown, forged or garbage refresh token with 401', async () => {
      const account = await createAccount(test, realm);
      const { refresh_token } = await loginForTokens(test, account);
      const [sessionId] = refresh_token.split('.');

      for (const token of ['garbage', `${randomUUID()}.${'a'.repeat(43)}`, `${sessionId}.${'a'.repeat(43)}`, `${refresh_token}x`]) {
        await postRefresh(test, realm, token).expect(401);
      }
      // Guessing does not end the real session.
      await postRefresh(test, realm, refresh_token).expect(200);
    });

    it('answers a refresh without refresh_token with 400', async () => {
      await request(test.http).post(authPath(realm, 'refresh')).send({}).expect(400);
    });
  });

  describe('refresh cookie', () => {
    it('sets the refresh token as an httpOnly, SameSite=Strict keel_refresh cookie on /api/v1 and leaves it out of the body', async () => {
      const { response, cookie } = await cookieLogin();
      expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
      expect(cookie).toBeDefined();
      expect(cookie.value).not.toBe('');
      expect(cookie.attributes).toHaveProperty('httponly');
      expect(cookie.attributes.samesite?.toLowerCase()).toBe('strict');
      expect(cookie.attributes.path).toBe('/api/v1');
    });

    it('marks the cookie Secure when the request came over https', async () => {
      const account = await createAccount(test, realm);
      const response = await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD, cookie: true }).set('X-Forwarded-Proto', 'https').expect(200);
      expect(refreshCookieOf(response)?.attributes).toHaveProperty('secure');
    });

    it('refreshes from the cookie with X-Keel-CSRF: 1 and rotates the cookie', async () => {
      const { cookie } = await cookieLogin();
      const refreshed = await cookieRefresh(cookie.value).set(CSRF_HEADER_NAME, '1').expect(200);

      expect(refreshed.body.refresh_token).toBeUndefined();
      await getMe(test, realm, refreshed.body.access_token).expect(200);
      const rotated = refreshCookieOf(refreshed);
      expect(rotated?.value).toBeTruthy();
      expect(rotated?.value).not.toBe(cookie.value);
      expect(rotated?.attributes).toHaveProperty('httponly');
    });

    it('refuses a cookie refresh without X-Keel-CSRF: 1 with 403 and keeps the session', async () => {
      const { cookie } = await cookieLogin();
      await cookieRefresh(cookie.value).expect(403);
      await cookieRefresh(cookie.value).set(CSRF_HEADER_NAME, '0').expect(403);

      const later = await cookieRefresh(cookie.value).set(CSRF_HEADER_NAME, '1').expect(200);
      await getMe(test, realm, later.body.access_token).expect(200);
    });

    it('signs out with the refresh cookie, ends the session and clears the cookie', async () => {
      const { response, cookie } = await cookieLogin();
      const loggedOut = await logout().set('Cookie', refreshCookieHeader(cookie.value)).set(CSRF_HEADER_NAME, '1').send({ cookie: true }).expect(200);

      const cleared = refreshCookieOf(loggedOut);
      expect(cleared?.value).toBe('');
      expect(new Date(cleared!.attributes.expires).getTime()).toBeLessThanOrEqual(Date.now());
      expect(cleared?.attributes.path).toBe('/api/v1');
      await cookieRefresh(cookie.value).set(CSRF_HEADER_NAME, '1').expect(401);
      await getMe(test, realm, response.body.access_token).expect(401);
    });

    it('refuses a cookie sign-out without X-Keel-CSRF: 1 with 403 and keeps the session', async () => {
      const { cookie } = await cookieLogin();
      await logout().set('Cookie', refreshCookieHeader(cookie.value)).send({ cookie: true }).expect(403);
      await cookieRefresh(cookie.value).set(CSRF_HEADER_NAME, '1').expect(200);
    });
  });

  describe('logout', () => {
    it('signs out with an expired access token and ends the session', async () => {
      const account = await createAccount(test, realm);
      const { access_token, refresh_token } = await loginForTokens(test, account);
      test.clock.advance(ACCESS_TOKEN_LIFETIME_MILLISECONDS + 60_000);
      await getMe(test, realm, access_token).expect(401);

      await logout().auth(access_token, { type: 'bearer' }).send({}).expect(200);
      await postRefresh(test, realm, refresh_token).expect(401);
    });

    it('signs out with the refresh token in the body', async () => {
      const account = await createAccount(test, realm);
      const { access_token, refresh_token } = await loginForTokens(test, account);
      await logout().send({ refresh_token }).expect(200);
      await getMe(test, realm, access_token).expect(401);
      await postRefresh(test, realm, refresh_token).expect(401);
    });

    it('answers a logout with no token and no cookie with 401', async () => {
      await logout().send({}).expect(401);
    });

    it('answers a logout with a forged bearer token with 401 and ends nothing', async () => {
      const account = await createAccount(test, realm);
      const { access_token, refresh_token } = await loginForTokens(test, account);
      await logout().auth(`${access_token}x`, { type: 'bearer' }).send({}).expect(401);
      await postRefresh(test, realm, refresh_token).expect(200);
    });
  });

  describe('password change', () => {
    it('refuses a wrong current password with 400 and changes nothing', async () => {
      const account = await createAccount(test, realm);
      const { access_token, refresh_token } = await loginForTokens(test, account);
      const replacement = newPassword();

      await changePassword(access_token, { current_password: WRONG_PASSWORD, new_password: replacement }).expect(400);

      await getMe(test, realm, access_token).expect(200);
      await postRefresh(test, realm, refresh_token).expect(200);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }).expect(200);
      await postLogin(test, realm, { email: account.email, password: replacement }).expect(401);
    });

    it('changes the password and ends every session of the account at once', async () => {
      const account = await createAccount(test, realm);
      const viaLogin = await loginForTokens(test, account);
      const otherDevice = await signIn(test, account);
      const replacement = newPassword();

      await changePassword(viaLogin.access_token, { current_password: TEST_PASSWORD, new_password: replacement }).expect(200);

      await getMe(test, realm, viaLogin.access_token).expect(401);
      await getMe(test, realm, otherDevice.accessToken).expect(401);
      await postRefresh(test, realm, viaLogin.refresh_token).expect(401);
      await postRefresh(test, realm, otherDevice.refreshToken).expect(401);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }).expect(401);
      const fresh = await loginForTokens(test, account, replacement);
      await getMe(test, realm, fresh.access_token).expect(200);
    });

    it(`refuses a new password shorter than ${PASSWORD_MINIMUM_LENGTH} characters with 400`, async () => {
      const account = await createAccount(test, realm);
      const { access_token } = await loginForTokens(test, account);
      const tooShort = 'x'.repeat(PASSWORD_MINIMUM_LENGTH - 1);

      await changePassword(access_token, { current_password: TEST_PASSWORD, new_password: tooShort }).expect(400);
      await getMe(test, realm, access_token).expect(200);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }).expect(200);
    });

    it('answers a password change without a token with 401', async () => {
      await request(test.http).post(authPath(realm, 'password')).set('X-Forwarded-For', uniqueIp()).send({ current_password: TEST_PASSWORD, new_password: newPassword() }).expect(401);
    });
  });
});
