import request from 'supertest';
import { generateSync } from 'otplib';
import { createStaff, signIn, TEST_PASSWORD, totpCode, uniqueEmail, uniqueIp } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('staff sign-in with TOTP', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  const login = (email: string, password: string, ip = uniqueIp()) =>
    request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('asks a staff member without TOTP to enroll, then signs them in and hands out ten recovery codes once', async () => {
    const staff = await createStaff(test);
    const first = await login(staff.email, TEST_PASSWORD).expect(200);
    expect(first.body).toEqual({ mfa_enrollment_required: true, mfa_token: expect.any(String) });

    const enrollment = await request(test.http).post('/api/v1/platform/auth/mfa/enroll').send({ mfa_token: first.body.mfa_token }).expect(200);
    expect(enrollment.body.otpauth_url).toContain(`secret=${enrollment.body.secret}`);

    const verified = await request(test.http)
      .post('/api/v1/platform/auth/mfa/verify')
      .send({ mfa_token: first.body.mfa_token, code: generateSync({ secret: enrollment.body.secret, epoch: test.clock.nowSeconds() }) })
      .expect(200);
    expect(verified.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    expect(verified.body.recovery_codes).toHaveLength(10);
    expect(new Set(verified.body.recovery_codes).size).toBe(10);

    const me = await request(test.http).get('/api/v1/platform/auth/me').auth(verified.body.access_token, { type: 'bearer' }).expect(200);
    expect(me.body).toEqual({ id: staff.id, email: staff.email, name: 'Test Staff', role: 'super_admin', mfa_enabled: true });

    // Enrolled: the next login asks for a code, not for enrollment, and no recovery codes are shown again.
    test.clock.advance(60_000);
    const second = await login(staff.email, TEST_PASSWORD).expect(200);
    expect(second.body).toEqual({ mfa_required: true, mfa_token: expect.any(String) });
    const again = await request(test.http)
      .post('/api/v1/platform/auth/mfa/verify')
      .send({ mfa_token: second.body.mfa_token, code: generateSync({ secret: enrollment.body.secret, epoch: test.clock.nowSeconds() }) })
      .expect(200);
    expect(again.body.recovery_codes).toBeUndefined();
  });

  it('accepts a recovery code once', async () => {
    const staff = await createStaff(test);
    const { body: start } = await login(staff.email, TEST_PASSWORD).expect(200);
    const { body: enrollment } = await request(test.http).post('/api/v1/platform/auth/mfa/enroll').send({ mfa_token: start.mfa_token }).expect(200);
    const { body: tokens } = await request(test.http)
      .post('/api/v1/platform/auth/mfa/verify')
      .send({ mfa_token: start.mfa_token, code: generateSync({ secret: enrollment.secret, epoch: test.clock.nowSeconds() }) })
      .expect(200);
    const recoveryCode: string = tokens.recovery_codes[3];

    const { body: next } = await login(staff.email, TEST_PASSWORD).expect(200);
    await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: next.mfa_token, code: recoveryCode.toUpperCase() }).expect(200);
    const reused = await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: next.mfa_token, code: recoveryCode }).expect(401);
    expect(reused.body.message).toBe('Invalid code');
  });

  it('refuses a TOTP code that was already accepted', async () => {
    const staff = await createStaff(test, { mfa: true });
    const code = totpCode(test, staff.totpSecret!);
    const { body: first } = await login(staff.email, TEST_PASSWORD).expect(200);
    await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: first.mfa_token, code }).expect(200);
    const { body: second } = await login(staff.email, TEST_PASSWORD).expect(200);
    await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: second.mfa_token, code }).expect(401);
  });

  it('answers wrong e-mail and wrong password with the same 401', async () => {
    const staff = await createStaff(test);
    const wrongPassword = await login(staff.email, 'not the password at all').expect(401);
    const unknownEmail = await login(uniqueEmail(), 'not the password at all').expect(401);
    expect(wrongPassword.body.message).toBe('Invalid email or password');
    expect(unknownEmail.body.message).toBe(wrongPassword.body.message);
  });

  it('locks mfa/verify for an account after 5 wrong codes, whatever the mfa_token', async () => {
    const staff = await createStaff(test, { mfa: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const { body } = await login(staff.email, TEST_PASSWORD).expect(200);
      await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: body.mfa_token, code: '000000' }).expect(401);
    }
    const { body: fresh } = await login(staff.email, TEST_PASSWORD).expect(200);
    const locked = await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: fresh.mfa_token, code: totpCode(test, staff.totpSecret!) }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    test.clock.advance(15 * 60_000 + 1_000);
    const { body: later } = await login(staff.email, TEST_PASSWORD).expect(200);
    await request(test.http).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: later.mfa_token, code: totpCode(test, staff.totpSecret!) }).expect(200);
  });

  it('rejects a staff access token once its 15 minutes have passed', async () => {
    const staff = await createStaff(test);
    const { accessToken } = await signIn(test, staff);
    await request(test.http).get('/api/v1/platform/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
    test.clock.advance(15 * 60_000 + 1_000);
    await request(test.http).get('/api/v1/platform/auth/me').auth(accessToken, { type: 'bearer' }).expect(401);
  });
});
