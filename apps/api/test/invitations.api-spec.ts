import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { MailMessage } from '../src/modules/mail/mail-message.entity';
import { PlatformUser } from '../src/modules/staff/platform-user.entity';
import { createStaff, createTenantUser, signIn, TEST_PASSWORD, uniqueEmail, uniqueIp, type TestAccount } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { SmtpCapture, type CapturedMail } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const NEW_PASSWORD = 'a brand new passphrase 42';

/** The token of the `/<page>?realm=<realm>&token=…` link in a mail; fails unless the link is exactly that. */
function linkToken(mail: CapturedMail, page: 'accept-invite' | 'reset-password', realm: 'platform' | 'tenant'): string {
  const pattern = new RegExp(`http://keel\\.test/${page}\\?realm=${realm}&token=([A-Za-z0-9_-]{20,})(?:\\s|$)`);
  const match = pattern.exec(mail.text);
  if (!match) throw new Error(`No ${page} link for realm ${realm} in: ${mail.text}`);
  expect(mail.html).toContain(`http://keel.test/${page}?realm=${realm}&amp;token=${match[1]}`);
  return match[1];
}

describe('invitations and password resets, mailed over SMTP', () => {
  let smtp: SmtpCapture;
  let test: TestApp;
  let superAdminToken: string;

  beforeAll(async () => {
    smtp = await SmtpCapture.onFreePort();
    await smtp.start();
    // Without the 2FA requirement a correct password yields tokens at once, which is what these tests look at.
    test = await startTestApp({ SMTP_URL: smtp.url, STAFF_REQUIRE_2FA: 'false' });
    superAdminToken = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });
  afterEach(() => test.clock.reset());

  const invite = async (email = uniqueEmail('invitee')) => {
    const response = await request(test.http).post('/api/v1/platform/users').auth(superAdminToken, { type: 'bearer' }).send({ email, name: 'Invited Person', role: 'support_admin' }).expect(201);
    return { id: response.body.id as string, email, response };
  };
  const acceptInvite = (token: string, realm: 'platform' | 'tenant' = 'platform', password = NEW_PASSWORD) =>
    request(test.http).post(realm === 'platform' ? '/api/v1/platform/auth/accept-invite' : '/api/v1/auth/accept-invite').send({ token, password });
  const staffStatus = async (id: string) => (await test.dataSource.getRepository(PlatformUser).findOneByOrFail({ id })).status;

  describe('staff invitations', () => {
    it('mails an invitation link with which the new staff member sets a password and signs in', async () => {
      const invited = await invite();
      expect(invited.response.body.status).toBe('invited');
      const mail = await smtp.waitFor(invited.email);
      expect(mail.subject).toMatch(/invited/i);
      const token = linkToken(mail, 'accept-invite', 'platform');
      // No password yet: nothing lets them in before they accept.
      await request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: invited.email, password: NEW_PASSWORD }).expect(401);

      const accepted = await acceptInvite(token).expect(200);
      expect(accepted.body).toEqual({ success: true });
      expect(await staffStatus(invited.id)).toBe('active');

      const login = await request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: invited.email, password: NEW_PASSWORD }).expect(200);
      expect(login.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer' });
      const me = await request(test.http).get('/api/v1/platform/auth/me').auth(login.body.access_token, { type: 'bearer' }).expect(200);
      expect(me.body).toMatchObject({ id: invited.id, email: invited.email, role: 'support_admin' });
    });

    it('accepts an invitation link once: the second use answers 400 and leaves the password alone', async () => {
      const invited = await invite();
      const token = linkToken(await smtp.waitFor(invited.email), 'accept-invite', 'platform');
      await acceptInvite(token).expect(200);

      const again = await acceptInvite(token, 'platform', 'an attacker chose this one');
      expectErrorBody(again, 400);
      expect(errorMessage(again)).toContain('invitation');
      await request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: invited.email, password: 'an attacker chose this one' }).expect(401);
      await request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: invited.email, password: NEW_PASSWORD }).expect(200);
    });

    it('keeps an invitation valid for 72 hours and refuses it after that (400)', async () => {
      const early = await invite();
      const late = await invite();
      const earlyToken = linkToken(await smtp.waitFor(early.email), 'accept-invite', 'platform');
      const lateToken = linkToken(await smtp.waitFor(late.email), 'accept-invite', 'platform');

      test.clock.advance(71 * HOUR);
      await acceptInvite(earlyToken).expect(200);
      test.clock.advance(2 * HOUR);
      expectErrorBody(await acceptInvite(lateToken), 400);
      expect(await staffStatus(late.id)).toBe('invited');
    });

    it('refuses an unknown invitation token with 400', async () => {
      expectErrorBody(await acceptInvite('this-token-was-never-issued-by-keel-0123456789'), 400);
    });

    it('refuses a staff invitation in the tenant realm (400) without using it up', async () => {
      const invited = await invite();
      const token = linkToken(await smtp.waitFor(invited.email), 'accept-invite', 'platform');
      expectErrorBody(await acceptInvite(token, 'tenant'), 400);
      expect(await staffStatus(invited.id)).toBe('invited');
      await acceptInvite(token, 'platform').expect(200);
    });

    it('refuses a password shorter than 12 characters (400) without using up the invitation', async () => {
      const invited = await invite();
      const token = linkToken(await smtp.waitFor(invited.email), 'accept-invite', 'platform');
      const response = await acceptInvite(token, 'platform', 'short');
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('password');
      await acceptInvite(token).expect(200);
    });
  });

  describe.each([
    { realm: 'platform' as const, auth: '/api/v1/platform/auth', create: (app: TestApp) => createStaff(app, { role: 'support_admin' }) },
    { realm: 'tenant' as const, auth: '/api/v1/auth', create: (app: TestApp) => createTenantUser(app, { role: 'admin' }) },
  ])('password reset in the $realm realm', ({ realm, auth, create }) => {
    const requestReset = (email: string) => request(test.http).post(`${auth}/password-reset`).send({ email });
    const confirmReset = (token: string, password = NEW_PASSWORD) => request(test.http).post(`${auth}/password-reset/confirm`).send({ token, password });
    const login = (email: string, password: string) => request(test.http).post(`${auth}/login`).set('X-Forwarded-For', uniqueIp()).send({ email, password });
    const me = (accessToken: string) => request(test.http).get(`${auth}/me`).auth(accessToken, { type: 'bearer' });
    const resetToken = async (account: TestAccount) => {
      await requestReset(account.email).expect(202);
      return linkToken(await smtp.waitFor(account.email), 'reset-password', realm);
    };

    it('answers 202 for a known and an unknown e-mail alike, and mails only the known one', async () => {
      const account = await create(test);
      const unknownEmail = uniqueEmail('nobody');
      const unknown = await requestReset(unknownEmail).expect(202);
      const known = await requestReset(account.email).expect(202);
      expect(unknown.body).toEqual(known.body);

      const mail = await smtp.waitFor(account.email);
      expect(mail.subject).toMatch(/reset/i);
      linkToken(mail, 'reset-password', realm);
      expect(await test.dataSource.getRepository(MailMessage).countBy({ to: unknownEmail })).toBe(0);
      expect(smtp.messages.filter((message) => message.to.includes(unknownEmail))).toEqual([]);
    });

    it('refuses an e-mail holding a lone UTF-16 surrogate with 400 (the e-mail validator threw: a 500, found by the fuzzer)', async () => {
      const response = await requestReset('a\ud800@example.test');
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('email');
    });

    it('sets the new password, ends the sessions issued before, and works once', async () => {
      const account = await create(test);
      const earlier = await signIn(test, account);
      await me(earlier.accessToken).expect(200);
      const token = await resetToken(account);

      const confirmed = await confirmReset(token).expect(200);
      expect(confirmed.body).toEqual({ success: true });

      expectErrorBody(await login(account.email, TEST_PASSWORD), 401);
      const fresh = await login(account.email, NEW_PASSWORD).expect(200);
      expect(fresh.body.access_token).toEqual(expect.any(String));
      await me(fresh.body.access_token).expect(200);
      expectErrorBody(await me(earlier.accessToken), 401);
      await request(test.http).post(`${auth}/refresh`).send({ refresh_token: earlier.refreshToken }).expect(401);

      const reused = await confirmReset(token, 'yet another passphrase');
      expectErrorBody(reused, 400);
      expect(errorMessage(reused)).toContain('reset');
      await login(account.email, NEW_PASSWORD).expect(200);
    });

    it('keeps a reset link valid for an hour and refuses it after that (400)', async () => {
      const punctual = await create(test);
      const tardy = await create(test);
      const punctualToken = await resetToken(punctual);
      const tardyToken = await resetToken(tardy);

      test.clock.advance(59 * 60_000);
      await confirmReset(punctualToken).expect(200);
      test.clock.advance(2 * 60_000);
      expectErrorBody(await confirmReset(tardyToken), 400);
      await login(tardy.email, TEST_PASSWORD).expect(200);
    });

    it('refuses an unknown reset token with 400', async () => {
      expectErrorBody(await confirmReset('this-token-was-never-issued-by-keel-0123456789'), 400);
    });
  });
});

describe('mail delivery while the SMTP server is down at first', () => {
  let smtp: SmtpCapture;
  let test: TestApp;

  beforeAll(async () => {
    // The port is reserved but nothing listens on it yet: every delivery attempt is refused.
    smtp = await SmtpCapture.onFreePort();
    test = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  it('accepts the invitation request and delivers the mail once the server is up, after retries', async () => {
    const { accessToken } = await signIn(test, await createStaff(test, { role: 'super_admin' }));
    const email = uniqueEmail('patient');
    await request(test.http).post('/api/v1/platform/users').auth(accessToken, { type: 'bearer' }).send({ email, name: 'Patient Person', role: 'support_admin' }).expect(201);

    await sleep(2_000);
    const messages = test.dataSource.getRepository(MailMessage);
    const whileDown = await messages.findOneByOrFail({ to: email });
    expect(whileDown).toMatchObject({ status: 'queued', sentAt: null });
    expect(whileDown.attempts).toBeGreaterThanOrEqual(1);
    expect(whileDown.lastError).toEqual(expect.any(String));

    await smtp.start();
    const mail = await smtp.waitFor(email, 20_000);
    linkToken(mail, 'accept-invite', 'platform');

    // The row is marked sent right after the server took the message.
    let row = await messages.findOneByOrFail({ to: email });
    for (let waited = 0; row.status !== 'sent' && waited < 5_000; waited += 100) {
      await sleep(100);
      row = await messages.findOneByOrFail({ to: email });
    }
    expect(row).toMatchObject({ status: 'sent', lastError: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.sentAt).toBeInstanceOf(Date);
  }, 30_000);
});

describe('the demo outbox', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test?.close());

  it('holds the invitation when no SMTP_URL is set, for super_admin only', async () => {
    const { accessToken } = await signIn(test, await createStaff(test, { role: 'super_admin' }));
    const email = uniqueEmail('outboxed');
    await request(test.http).post('/api/v1/platform/users').auth(accessToken, { type: 'bearer' }).send({ email, name: 'Outboxed Person', role: 'support_admin' }).expect(201);

    const outbox = await request(test.http).get('/api/v1/platform/dev/outbox').auth(accessToken, { type: 'bearer' }).expect(200);
    const mail = outbox.body.items.find((item: { to: string }) => item.to === email);
    expect(mail).toMatchObject({ id: expect.any(String), to: email, subject: expect.stringMatching(/invited/i), text: expect.any(String), html: expect.any(String), created_at: expect.any(String) });
    expect(mail.text).toMatch(/http:\/\/keel\.test\/accept-invite\?realm=platform&token=[A-Za-z0-9_-]{20,}/);

    const { accessToken: supportToken } = await signIn(test, await createStaff(test, { role: 'support_admin' }));
    expectErrorBody(await request(test.http).get('/api/v1/platform/dev/outbox').auth(supportToken, { type: 'bearer' }), 403);
    expectErrorBody(await request(test.http).get('/api/v1/platform/dev/outbox'), 401);
  });
});

describe('production mode', () => {
  let test: TestApp;

  beforeAll(async () => {
    // Nothing listens there: production insists on SMTP_URL, and this app must not deliver anybody's mail.
    const smtp = await SmtpCapture.onFreePort();
    test = await startTestApp({ NODE_ENV: 'production', SMTP_URL: smtp.url });
  });
  afterAll(() => test?.close());

  it('has no outbox route (404), even for a super_admin', async () => {
    expect(test.config.mode).toBe('production');
    const { accessToken } = await signIn(test, await createStaff(test, { role: 'super_admin' }));
    expectErrorBody(await request(test.http).get('/api/v1/platform/dev/outbox').auth(accessToken, { type: 'bearer' }), 404);
    expectErrorBody(await request(test.http).get('/api/v1/platform/dev/outbox'), 404);
  });
});
