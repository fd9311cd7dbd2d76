import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { STAFF_PATHS, staffUser, TENANT_PATHS, tenantUser, tokens } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';

const STAFF = { login: 'POST /api/v1/platform/auth/login', enroll: 'POST /api/v1/platform/auth/mfa/enroll', verify: 'POST /api/v1/platform/auth/mfa/verify' };
const RECOVERY_CODES = Array.from({ length: 10 }, (_, index) => `abcd-efgh-${String(index).padStart(4, 'k')}`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

async function submitCredentials(user: ReturnType<typeof renderRoute>['user'], email = 'staff@keel.test', password = 'correct horse battery') {
  await user.type(screen.getByRole('textbox', { name: /e-mail address/i }), email);
  await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** Captures what the page saves as a download (jsdom cannot navigate to a blob: URL). */
function captureDownloads() {
  const saved: { fileName: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.set(`blob:${blobs.size}`, blob), `blob:${blobs.size - 1}`), revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ fileName: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  return saved;
}

describe('staff sign-in with MFA enrollment', () => {
  it('shows a QR code and the secret, verifies a code, then shows the recovery codes once before going on', async () => {
    const downloads = captureDownloads();
    const api = mockApi({
      [STAFF.login]: { status: 200, body: { mfa_enrollment_required: true, mfa_token: 'mfa-token' } },
      [STAFF.enroll]: { status: 200, body: { secret: SECRET, otpauth_url: `otpauth://totp/Keel:staff%40keel.test?secret=${SECRET}&issuer=Keel` } },
      [STAFF.verify]: { status: 200, body: tokens({ recovery_codes: RECOVERY_CODES }) },
      [STAFF_PATHS.me]: { status: 200, body: staffUser('super_admin') },
    });
    const { user, router } = renderRoute('/platform/login');

    await submitCredentials(user);

    expect(await screen.findByRole('heading', { name: 'Set up two-factor authentication' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
    expect(screen.getByRole('textbox', { name: /secret key/i })).toHaveValue(SECRET);

    await user.type(screen.getByRole('textbox', { name: /authentication code/i }), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));

    expect(await screen.findByRole('heading', { name: 'Save your recovery codes' })).toBeInTheDocument();
    const shownCodes = within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem');
    expect(shownCodes.map((item) => item.textContent)).toEqual(RECOVERY_CODES);
    // Nothing signs in behind the codes' back: the console waits until they are saved.
    expect(api.to(STAFF_PATHS.me)).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Continue to Keel' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Download .txt' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName).toBe('keel-recovery-codes.txt');
    expect((await downloads[0].blob.text()).trim().split('\n').slice(-10)).toEqual(RECOVERY_CODES);
    await user.click(screen.getByRole('button', { name: 'Copy codes' }));
    expect(await navigator.clipboard.readText()).toContain(RECOVERY_CODES.join('\n'));
    expect(await screen.findByText('Recovery codes copied')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(screen.getByRole('button', { name: 'Continue to Keel' }));

    expect(await screen.findByRole('heading', { name: 'Platform dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/platform');
    expect(api.to(STAFF.login)[0].body).toEqual({ email: 'staff@keel.test', password: 'correct horse battery', cookie: true });
    expect(api.to(STAFF.enroll)[0].body).toEqual({ mfa_token: 'mfa-token' });
    expect(api.to(STAFF.verify)[0].body).toEqual({ mfa_token: 'mfa-token', code: '123456', cookie: true });
  });

  it('says so when the code is wrong, and accepts the next one', async () => {
    mockApi({
      [STAFF.login]: { status: 200, body: { mfa_enrollment_required: true, mfa_token: 'mfa-token' } },
      [STAFF.enroll]: { status: 200, body: { secret: SECRET, otpauth_url: `otpauth://totp/Keel:x?secret=${SECRET}` } },
      [STAFF.verify]: inTurn(errorAnswer(401, 'Invalid code'), { status: 200, body: tokens({ recovery_codes: RECOVERY_CODES }) }),
    });
    const { user } = renderRoute('/platform/login');
    await submitCredentials(user);
    const codeField = await screen.findByRole('textbox', { name: /authentication code/i });

    await user.type(codeField, '000000{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code');

    await user.clear(codeField);
    await user.type(codeField, '654321{Enter}');
    expect(await screen.findByRole('heading', { name: 'Save your recovery codes' })).toBeInTheDocument();
  });
});

describe('sign-in with an enrolled authenticator', () => {
  it('offers a recovery code instead of the authenticator code', async () => {
    const api = mockApi({
      [STAFF.login]: { status: 200, body: { mfa_required: true, mfa_token: 'mfa-token' } },
      [STAFF.verify]: { status: 200, body: tokens() },
      [STAFF_PATHS.me]: { status: 200, body: staffUser('support_admin') },
    });
    const { user, router } = renderRoute('/platform/login');
    await submitCredentials(user);

    expect(await screen.findByRole('heading', { name: 'Two-factor authentication' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByRole('textbox', { name: /recovery code/i }), 'abcd-efgh-jkmn{Enter}');

    expect(await screen.findByRole('heading', { name: 'Tenant health' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/support');
    expect(api.to(STAFF.verify)[0].body).toEqual({ mfa_token: 'mfa-token', code: 'abcd-efgh-jkmn', cookie: true });
  });
});

describe('sign-in problems', () => {
  it('gives one message for a wrong e-mail or password', async () => {
    mockApi({ 'POST /api/v1/auth/login': errorAnswer(401, 'Invalid email or password') });
    const { user } = renderRoute('/login');

    await submitCredentials(user, 'someone@acme.example', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong e-mail or password');
    expect(alert).toHaveTextContent('The e-mail address or password is not correct.');
  });

  it('says when to try again after too many attempts, from Retry-After', async () => {
    mockApi({ 'POST /api/v1/auth/login': errorAnswer(429, 'Too many failed sign-in attempts; try again later', { 'Retry-After': '840' }) });
    const { user } = renderRoute('/login');

    await submitCredentials(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many sign-in attempts');
    expect(alert).toHaveTextContent('You can try again in 14 minutes.');
  });

  it('explains a refusal for a locked organization in the API’s words', async () => {
    mockApi({ 'POST /api/v1/auth/login': errorAnswer(403, 'Your organization is suspended; contact the platform team') });
    const { user } = renderRoute('/login');

    await submitCredentials(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in refused');
    expect(alert).toHaveTextContent('Your organization is suspended; contact the platform team');
  });

  it('signs a tenant user without 2FA straight in, in cookie mode', async () => {
    const api = mockApi({
      'POST /api/v1/auth/login': { status: 200, body: tokens() },
      [TENANT_PATHS.me]: { status: 200, body: tenantUser('owner') },
    });
    const { user, router } = renderRoute('/login');

    await submitCredentials(user, 'owner@acme.example');

    expect(await screen.findByRole('heading', { name: 'Welcome, Owner Person' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app');
    expect(api.to('POST /api/v1/auth/login')[0].body).toMatchObject({ cookie: true });
    await waitFor(() => expect(window.localStorage.getItem('keel.session-realm')).toBe('tenant'));
  });
});
