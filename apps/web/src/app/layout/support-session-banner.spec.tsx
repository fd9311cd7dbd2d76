import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyTenantHome, TENANT_PATHS, tenantUser } from '../../testing/api-fixtures';
import { mockApi } from '../../testing/mock-api';
import { renderRoute } from '../../testing/render-route';
import { timeLeft } from './support-session-banner';

const SESSION_ID = '44444444-4444-4444-8444-444444444444';
const END = 'POST /api/v1/support-session/end';

/** A support token as the API mints it; only its claims matter to the console. */
function supportToken(expiresAt: Date): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const claims = { sub: tenantUser().id, aud: 'tenant', impersonating: true, imp: SESSION_ID, scope: 'read_only', act: { sub: 'staff-id', email: 'sam@keel.test' }, exp: Math.floor(expiresAt.getTime() / 1000) };
  return `${encode({ alg: 'ES256' })}.${encode(claims)}.signature`;
}

/**
 * This tab as one the support console opened: its session id in sessionStorage, and an opener that
 * answers the token request the way the staff tab does (jsdom's own postMessage sets no origin).
 */
function openedBySupportConsole(token: string | null) {
  window.sessionStorage.setItem('keel.support-session-id', SESSION_ID);
  Object.defineProperty(window, 'opener', { value: token ? window : null, configurable: true });
  vi.spyOn(window, 'postMessage').mockImplementation((message: { type: string; id: string }) => {
    if (message.type === 'keel:support-token-request' && message.id === SESSION_ID && token) {
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'keel:support-token', id: SESSION_ID, token }, origin: window.location.origin, source: window }));
    }
  });
}

afterEach(() => {
  window.sessionStorage.clear();
  Object.defineProperty(window, 'opener', { value: null, configurable: true });
  vi.restoreAllMocks();
});

describe('a support tab', () => {
  it('gets its token from the staff tab, shows who acts and for how long, and ends the session for good', async () => {
    window.localStorage.setItem('keel.session-realm', 'platform');
    const token = supportToken(new Date(Date.now() + 15 * 60_000));
    openedBySupportConsole(token);
    const api = mockApi({ [TENANT_PATHS.me]: { status: 200, body: tenantUser('owner') }, ...emptyTenantHome(), [END]: { status: 200, body: { success: true } } });
    const { user } = renderRoute('/app');

    const banner = await screen.findByRole('region', { name: 'Support session' });
    expect(banner).toHaveTextContent('Support session: sam@keel.test acting as owner@acme.example');
    expect(banner).toHaveTextContent('Read-only');
    expect(banner).toHaveTextContent(/1[45]:\d\d left/);
    expect(api.to(TENANT_PATHS.me)[0].authorization).toBe(`Bearer ${token}`);
    // The staff member's own sign-in is not touched: no refresh with their cookie.
    expect(api.to('POST /api/v1/auth/refresh')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'End session' }));

    expect(await screen.findByRole('heading', { name: 'Support session ended' })).toBeInTheDocument();
    expect(api.to(END)).toEqual([expect.objectContaining({ authorization: `Bearer ${token}` })]);
    expect(window.sessionStorage.getItem('keel.support-session-id')).toBeNull();
    expect(window.localStorage.getItem('keel.session-realm')).toBe('platform');
  });

  it('says the session is over when no staff tab hands it a token', async () => {
    openedBySupportConsole(null);
    const api = mockApi({});
    renderRoute('/app');

    expect(await screen.findByRole('heading', { name: 'Support session ended' })).toBeInTheDocument();
    expect(api.requests).toEqual([]);
  });
});

describe('timeLeft', () => {
  it('counts minutes and seconds down to zero, never below', () => {
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(timeLeft(new Date(now + 14 * 60_000 + 5_000), now)).toBe('14:05');
    expect(timeLeft(new Date(now - 1_000), now)).toBe('0:00');
  });
});
