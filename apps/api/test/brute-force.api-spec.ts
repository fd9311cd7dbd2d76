import type { Realm } from '@keel/shared';
import { LoginThrottleService } from '../src/modules/auth/login-throttle.service';
import { createAccount, FAILURE_WINDOW_MILLISECONDS, postLogin, REALMS, WRONG_PASSWORD } from './support/auth-helpers';
import { createTenantUser, TEST_PASSWORD, uniqueEmail, uniqueIp } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const LOCK_AFTER_FAILURES = 5;
const LOGINS_PER_IP_PER_MINUTE = 20;
const SLOW_DOWN_AFTER_FAILURES = 20;

// One attempt after the other, so that every count is deterministic.
async function times(count: number, attempt: (index: number) => PromiseLike<unknown>): Promise<void> {
  for (let index = 0; index < count; index++) await attempt(index);
}

function expectRetryAfter(response: { headers: Record<string, string> }, atMostSeconds: number): void {
  const seconds = Number(response.headers['retry-after']);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(atMostSeconds);
}

describe('brute-force protection of login (TRUST_PROXY on)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  describe.each(REALMS)('one e-mail from one IP, %s realm', (realm: Realm) => {
    const failFiveTimes = (email: string, ip: string) => times(LOCK_AFTER_FAILURES, () => postLogin(test, realm, { email, password: WRONG_PASSWORD }, ip).expect(401));

    it('answers 429 with Retry-After after 5 failures, even with the right password', async () => {
      const account = await createAccount(test, realm);
      const attackerIp = uniqueIp();
      await failFiveTimes(account.email, attackerIp);

      const locked = await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, attackerIp).expect(429);
      expectRetryAfter(locked, FAILURE_WINDOW_MILLISECONDS / 1000);
      expect(locked.body.access_token).toBeUndefined();
      expect(locked.body.mfa_token).toBeUndefined();
    });

    it('still lets the real user in from another IP while an attacker is locked out', async () => {
      const account = await createAccount(test, realm);
      const attackerIp = uniqueIp();
      await failFiveTimes(account.email, attackerIp);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, attackerIp).expect(429);

      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, uniqueIp()).expect(200);
    });

    it('lets the locked IP sign in again once the 15-minute window has passed', async () => {
      const account = await createAccount(test, realm);
      const ip = uniqueIp();
      await failFiveTimes(account.email, ip);
      test.clock.advance(FAILURE_WINDOW_MILLISECONDS - 60_000);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, ip).expect(429);

      test.clock.advance(60_000 + 1_000);
      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, ip).expect(200);
    });

    it('counts failures for an unknown e-mail the same way', async () => {
      const unknownEmail = uniqueEmail('nobody');
      const ip = uniqueIp();
      await failFiveTimes(unknownEmail, ip);

      const locked = await postLogin(test, realm, { email: unknownEmail, password: WRONG_PASSWORD }, ip).expect(429);
      expectRetryAfter(locked, FAILURE_WINDOW_MILLISECONDS / 1000);
    });

    it('counts failures for one e-mail together however its letters are cased', async () => {
      const account = await createAccount(test, realm);
      const ip = uniqueIp();
      const [localPart, domain] = account.email.split('@');
      const spellings = [account.email, account.email.toUpperCase(), `${localPart.toUpperCase()}@${domain}`, ` ${account.email} `, `${localPart}@${domain.toUpperCase()}`];
      for (const spelling of spellings) await postLogin(test, realm, { email: spelling, password: WRONG_PASSWORD }, ip).expect(401);

      await postLogin(test, realm, { email: account.email, password: TEST_PASSWORD }, ip).expect(429);
    });

    it('locks only the e-mail that failed: another account from the same IP still signs in', async () => {
      const victim = await createAccount(test, realm);
      const bystander = await createAccount(test, realm);
      const ip = uniqueIp();
      await failFiveTimes(victim.email, ip);

      await postLogin(test, realm, { email: bystander.email, password: TEST_PASSWORD }, ip).expect(200);
    });
  });

  // The per-minute window is real time (the throttler does not read the clock service): one fresh IP keeps this test independent.
  it('allows any IP at most 20 login attempts a minute across both realms, then answers 429 with Retry-After', async () => {
    const ip = uniqueIp();
    const staffAttempts = 12;
    await times(LOGINS_PER_IP_PER_MINUTE, (index) =>
      postLogin(test, index < staffAttempts ? 'platform' : 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, ip).expect(401),
    );

    const limited = await postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, ip).expect(429);
    await postLogin(test, 'platform', { email: uniqueEmail(), password: WRONG_PASSWORD }, ip).expect(429);
    // The limit belongs to that address alone.
    await postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, uniqueIp()).expect(401);
    expectRetryAfter(limited, 60);
  });

  it('takes the client IP from X-Forwarded-For: 21 attempts from 21 forwarded addresses are not rate limited', async () => {
    await times(LOGINS_PER_IP_PER_MINUTE + 1, () => postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, uniqueIp()).expect(401));
  });

  it('slows down failures for one e-mail beyond 20 from many IPs with a growing delay, never a hard lock', async () => {
    const user = await createTenantUser(test);
    const throttle = test.app.get(LoginThrottleService);
    const failFromFreshIp = () => postLogin(test, 'tenant', { email: user.email, password: WRONG_PASSWORD }, uniqueIp()).expect(401);

    // From many addresses, as a distributed attack would.
    const failFromFreshIps = (count: number) => times(count, failFromFreshIp);

    await failFromFreshIps(SLOW_DOWN_AFTER_FAILURES);
    expect(await throttle.delayFor('tenant', user.email)).toBe(0);

    await failFromFreshIp();
    const delayAfter21 = await throttle.delayFor('tenant', user.email);
    expect(delayAfter21).toBeGreaterThan(0);

    await failFromFreshIps(4);
    const delayAfter25 = await throttle.delayFor('tenant', user.email);
    expect(delayAfter25).toBeGreaterThan(delayAfter21);

    // Slowed, not locked: the right password from a new address still signs in.
    const signedIn = await postLogin(test, 'tenant', { email: user.email, password: TEST_PASSWORD }, uniqueIp()).expect(200);
    expect(signedIn.body.access_token).toEqual(expect.any(String));
    // The slow-down is for that e-mail only.
    expect(await throttle.delayFor('tenant', uniqueEmail())).toBe(0);
    expect(await throttle.delayFor('platform', user.email)).toBe(0);
  });
});

describe('brute-force protection of login (TRUST_PROXY off)', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({ TRUST_PROXY: 'false' });
  });
  afterAll(() => test.close());

  it('ignores X-Forwarded-For: attempts claiming different addresses from one socket share one per-minute bucket', async () => {
    await times(LOGINS_PER_IP_PER_MINUTE, (index) =>
      postLogin(test, index % 2 ? 'platform' : 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, uniqueIp()).expect(401),
    );
    await postLogin(test, 'tenant', { email: uniqueEmail(), password: WRONG_PASSWORD }, uniqueIp()).expect(429);
  });
});

describe('login under concurrency', () => {
  let test: TestApp;

  // A pool smaller than the burst: each refused login must not hold one connection while waiting for another.
  beforeAll(async () => {
    test = await startTestApp({ DATABASE_POOL_SIZE: '4' });
  });
  afterAll(() => test.close());

  it('answers a burst of concurrent failed logins, larger than the connection pool, without stalling', async () => {
    const staff = await createAccount(test, 'platform');
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, index) => postLogin(test, index % 2 ? 'platform' : 'tenant', { email: index % 3 ? uniqueEmail() : staff.email, password: WRONG_PASSWORD }, uniqueIp())),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(24).fill(401));
    const failures = await test.dataSource.query("SELECT count(*)::int AS count FROM auth_failures WHERE kind = 'login' AND email = $1", [staff.email]);
    expect(failures[0].count).toBe(8);
  }, 20_000);
});
