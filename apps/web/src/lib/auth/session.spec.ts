import { listPlatformAuditLog } from '@keel/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditPage, STAFF_PATHS, staffUser, tokens } from '../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../testing/mock-api';
import { configureApiClient } from '../api-client';
import { createSession } from './session';

const AUDIT_LOG = 'GET /api/v1/platform/audit-log';

/** A session as a page load leaves it: signed in to the staff realm with `access-token-old`. */
async function signedInStaffSession() {
  const session = createSession();
  configureApiClient(session);
  await session.establish('platform', tokens({ access_token: 'access-token-old' }));
  return session;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('session: renewing the access token', () => {
  it('renews the token once after a 401 and repeats the request with the new one', async () => {
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: { status: 200, body: tokens({ access_token: 'access-token-new' }) },
      [AUDIT_LOG]: (request) => (request.authorization === 'Bearer access-token-new' ? auditPage([]) : errorAnswer(401, 'Token expired')),
    });
    const session = await signedInStaffSession();

    const { data } = await listPlatformAuditLog({ throwOnError: true });

    expect(data.entries).toEqual([]);
    expect(api.to(AUDIT_LOG).map((request) => request.authorization)).toEqual(['Bearer access-token-old', 'Bearer access-token-new']);
    // The renewal uses the httpOnly cookie: no token in the body, and the CSRF header the API demands.
    expect(api.to(STAFF_PATHS.refresh)).toEqual([expect.objectContaining({ body: { cookie: true }, csrf: '1', authorization: null })]);
    expect(session.getState()).toMatchObject({ status: 'signed-in', realm: 'platform' });
  });

  it('lets requests that fail together share one renewal', async () => {
    let releaseRefresh: () => void = () => undefined;
    const refreshAnswered = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: async () => {
        await refreshAnswered;
        return { status: 200, body: tokens({ access_token: 'access-token-new' }) };
      },
      [AUDIT_LOG]: (request) => (request.authorization === 'Bearer access-token-new' ? auditPage([]) : errorAnswer(401, 'Token expired')),
    });
    await signedInStaffSession();

    const calls = [listPlatformAuditLog({ throwOnError: true }), listPlatformAuditLog({ throwOnError: true }), listPlatformAuditLog({ throwOnError: true })];
    await vi.waitFor(() => expect(api.to(AUDIT_LOG)).toHaveLength(3));
    releaseRefresh();
    await Promise.all(calls);

    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(1);
    expect(api.to(AUDIT_LOG).filter((request) => request.authorization === 'Bearer access-token-new')).toHaveLength(3);
  });

  it('repeats a request only once: a second 401 is the answer', async () => {
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: { status: 200, body: tokens() },
      [AUDIT_LOG]: errorAnswer(401, 'Still not allowed'),
    });
    await signedInStaffSession();

    const { error } = await listPlatformAuditLog();

    expect(error).toMatchObject({ status: 401 });
    expect(api.to(AUDIT_LOG)).toHaveLength(2);
  });

  it('renews the token a minute before it expires, without waiting for a 401', async () => {
    vi.useFakeTimers();
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: { status: 200, body: tokens({ access_token: 'access-token-renewed' }) },
    });
    const session = createSession();
    configureApiClient(session);
    await session.establish('platform', tokens({ expires_in: 900 }));

    await vi.advanceTimersByTimeAsync(839_000);
    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(1);
    expect(session.accessToken()).toBe('access-token-renewed');
  });

  it('ends the session as expired, and forgets the realm, when the renewal is refused', async () => {
    mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: errorAnswer(401, 'The session has ended; sign in again'),
      [AUDIT_LOG]: errorAnswer(401, 'Session revoked'),
    });
    const session = await signedInStaffSession();
    expect(window.localStorage.getItem('keel.session-realm')).toBe('platform');

    const { error } = await listPlatformAuditLog();

    expect(error).toMatchObject({ status: 401 });
    expect(session.getState()).toEqual({ status: 'signed-out', realm: 'platform', reason: 'expired' });
    expect(session.accessToken()).toBeUndefined();
    expect(window.localStorage.getItem('keel.session-realm')).toBeNull();
  });

  it('keeps the session when the renewal cannot reach the API', async () => {
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: errorAnswer(503, 'Service unavailable'),
      [AUDIT_LOG]: errorAnswer(401, 'Token expired'),
    });
    const session = await signedInStaffSession();

    await listPlatformAuditLog();

    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });
});

describe('session: page load, storage and sign-out', () => {
  it('restores a session from the refresh cookie when the realm hint says one may exist', async () => {
    window.localStorage.setItem('keel.session-realm', 'platform');
    const api = mockApi({
      [STAFF_PATHS.refresh]: { status: 200, body: tokens() },
      [STAFF_PATHS.me]: { status: 200, body: staffUser('support_admin') },
    });
    const session = createSession();
    configureApiClient(session);

    expect(session.getState()).toEqual({ status: 'restoring', realm: 'platform' });
    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-in', realm: 'platform', user: staffUser('support_admin') });
    expect(api.to(STAFF_PATHS.refresh)[0]).toMatchObject({ body: { cookie: true }, csrf: '1' });
  });

  it('tries no renewal on page load for a visitor who never signed in', async () => {
    const api = mockApi({});
    const session = createSession();
    configureApiClient(session);

    await session.restore();

    expect(session.getState()).toEqual({ status: 'signed-out' });
    expect(api.requests).toEqual([]);
  });

  it('keeps the access token out of web storage: only the realm is remembered', async () => {
    mockApi({ [STAFF_PATHS.me]: { status: 200, body: staffUser() } });
    await signedInStaffSession();

    const stored = [...Object.entries(window.localStorage), ...Object.entries(window.sessionStorage)];
    expect(stored).toEqual([['keel.session-realm', 'platform']]);
  });

  it('signs out at the API with the bearer token and the CSRF header, then forgets the session', async () => {
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      'POST /api/v1/platform/auth/logout': { status: 200, body: { success: true } },
    });
    const session = await signedInStaffSession();

    expect(await session.signOut()).toBe(true);

    expect(api.to('POST /api/v1/platform/auth/logout')).toEqual([
      expect.objectContaining({ authorization: 'Bearer access-token-old', csrf: '1', body: { cookie: true } }),
    ]);
    expect(session.getState()).toEqual({ status: 'signed-out', realm: 'platform', reason: 'signed-out' });
    expect(window.localStorage.getItem('keel.session-realm')).toBeNull();
  });

  it('does not take a 401 from signing out for an expired token', async () => {
    const api = mockApi({
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [STAFF_PATHS.refresh]: inTurn({ status: 200, body: tokens() }),
      'POST /api/v1/platform/auth/logout': errorAnswer(401, 'No valid session to sign out of'),
    });
    const session = await signedInStaffSession();

    expect(await session.signOut()).toBe(false);

    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(0);
    expect(session.getState()).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
  });
});
