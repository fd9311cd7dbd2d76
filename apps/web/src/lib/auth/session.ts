import {
  endSupportSession,
  getStaffMe,
  getUserMe,
  logoutStaff,
  logoutUser,
  refreshStaffSession,
  refreshUserSession,
  type MeDto,
  type TokenPairDto,
} from '@keel/api-client';
import { CSRF_HEADER, type Realm } from '@keel/shared';
import { realmHint } from './realm-hint';
import { leaveSupportTab, requestSupportToken, supportSessionIdOfThisTab } from './support-handoff';

export type SignedInUser = MeDto;
/** `support-ended`: the support session of this tab ended (or its token could not be fetched). */
export type SignedOutReason = 'expired' | 'signed-out' | 'password-changed' | 'support-ended';

/** A staff member acting in the tenant console through a support session (SPEC §6). */
export type SupportSessionInfo = { id: string; staffEmail: string; scope: 'read_only' | 'read_write'; expiresAt: Date };

export type SessionState =
  | { status: 'restoring'; realm: Realm }
  | { status: 'signed-out'; realm?: Realm; reason?: SignedOutReason }
  | { status: 'signed-in'; realm: Realm; user: SignedInUser; support?: SupportSessionInfo };

type RefreshOutcome = 'refreshed' | 'ended' | 'unreachable';

// Renew this long before the access token expires, so that requests do not carry a stale token.
const REFRESH_MARGIN_SECONDS = 60;
// A renewal that could not reach the API is tried again after this long (the token is still valid).
const RETRY_UNREACHABLE_MILLISECONDS = 10_000;
// Calls that are part of signing in or out: a 401 there is an answer, not an expired token.
const AUTH_FLOW_PATH = /\/auth\/(login|logout|refresh|mfa\/)/;
const CSRF = { [CSRF_HEADER]: '1' };

export type Session = ReturnType<typeof createSession>;

/**
 * The signed-in state of this tab. The access token lives only in this closure (never in web
 * storage); the refresh token is the API's httpOnly cookie. Every request goes through `fetch`,
 * which renews the token once on a 401 and lets concurrent callers share that one renewal.
 *
 * A support tab (opened by the support console) instead holds a support session's token, handed
 * over by the staff tab: it never renews (the session has a fixed end) and never touches the
 * refresh cookie or the realm hint, which belong to the staff member's own sign-in.
 */
export function createSession() {
  const supportSessionId = supportSessionIdOfThisTab();
  const hintedRealm: Realm | null = supportSessionId ? 'tenant' : realmHint.read();
  let state: SessionState = hintedRealm ? { status: 'restoring', realm: hintedRealm } : { status: 'signed-out' };
  let accessToken: string | undefined;
  let renewalTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshInFlight: Promise<boolean> | undefined;
  let restoring: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  function setState(next: SessionState): void {
    state = next;
    for (const listener of listeners) listener();
  }

  function scheduleRenewal(delayMilliseconds: number): void {
    clearTimeout(renewalTimer);
    renewalTimer = setTimeout(() => {
      void refresh().then((renewed) => {
        if (!renewed && state.status === 'signed-in') scheduleRenewal(RETRY_UNREACHABLE_MILLISECONDS);
      });
    }, delayMilliseconds);
  }

  function storeTokens(tokens: TokenPairDto): void {
    accessToken = tokens.access_token;
    const margin = Math.min(REFRESH_MARGIN_SECONDS, tokens.expires_in / 5);
    scheduleRenewal(Math.max(tokens.expires_in - margin, 1) * 1000);
  }

  function forgetTokens(): void {
    accessToken = undefined;
    clearTimeout(renewalTimer);
  }

  function endLocally(realm: Realm | undefined, reason: SignedOutReason | undefined): void {
    forgetTokens();
    if (supportSessionId) leaveSupportTab();
    else realmHint.forget();
    setState({ status: 'signed-out', realm, reason });
  }

  async function loadUser(realm: Realm): Promise<SignedInUser> {
    const getMe = realm === 'platform' ? getStaffMe : getUserMe;
    const { data } = await getMe({ throwOnError: true });
    return data;
  }

  async function requestNewTokens(realm: Realm): Promise<RefreshOutcome> {
    const refreshCall = realm === 'platform' ? refreshStaffSession : refreshUserSession;
    const { data, response } = await refreshCall({ body: { cookie: true }, headers: CSRF });
    if (data) {
      storeTokens(data);
      return 'refreshed';
    }
    // No answer, or a server error: the session may well be alive; do not throw the person out.
    return !response || response.status >= 500 ? 'unreachable' : 'ended';
  }

  /** Renews the access token with the refresh cookie; every caller during a renewal shares it. */
  function refresh(): Promise<boolean> {
    if (state.status !== 'signed-in') return Promise.resolve(false);
    // A support token is not renewed: a 401 means its session ended.
    if (state.support) {
      endLocally('tenant', 'support-ended');
      return Promise.resolve(false);
    }
    const { realm } = state;
    refreshInFlight ??= requestNewTokens(realm)
      .then((outcome) => {
        if (outcome === 'ended') endLocally(realm, 'expired');
        return outcome === 'refreshed';
      })
      .finally(() => {
        refreshInFlight = undefined;
      });
    return refreshInFlight;
  }

  /** On page load: turn the refresh cookie of the remembered realm back into a session. Runs once. */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (state.status !== 'restoring') return;
      if (supportSessionId) return restoreSupport(supportSessionId);
      const { realm } = state;
      const outcome = await requestNewTokens(realm);
      if (outcome !== 'refreshed') {
        if (outcome === 'ended') realmHint.forget();
        setState({ status: 'signed-out' });
        return;
      }
      try {
        setState({ status: 'signed-in', realm, user: await loadUser(realm) });
      } catch {
        endLocally(undefined, undefined);
      }
    })();
    return restoring;
  }

  /** A support tab gets its token from the staff tab that opened it, at first load and after every reload. */
  async function restoreSupport(id: string): Promise<void> {
    const token = await requestSupportToken(id);
    if (!token) return endLocally('tenant', 'support-ended');
    const claims = supportClaimsOf(token);
    accessToken = token;
    // Ends here when the session does at the API; the API's 401 would say so too, a little later.
    renewalTimer = setTimeout(() => endLocally('tenant', 'support-ended'), Math.max(claims.expiresAt.getTime() - Date.now(), 0));
    try {
      setState({ status: 'signed-in', realm: 'tenant', user: await loadUser('tenant'), support: claims });
    } catch {
      endLocally('tenant', 'support-ended');
    }
  }

  /** After login or MFA verification: keep the tokens, learn who signed in, remember the realm. */
  async function establish(realm: Realm, tokens: TokenPairDto): Promise<SignedInUser> {
    storeTokens(tokens);
    try {
      const user = await loadUser(realm);
      realmHint.remember(realm);
      setState({ status: 'signed-in', realm, user });
      return user;
    } catch (error) {
      forgetTokens();
      throw error;
    }
  }

  /** Ends the session at the API (bearer, else the cookie) and here. Resolves false if the API could not be told. */
  async function signOut(): Promise<boolean> {
    const { realm } = state;
    const token = accessToken;
    forgetTokens();
    if (state.status === 'signed-in' && state.support) {
      // Ends the support session for good (SPEC §6); the staff member's own sign-in is untouched.
      const { response } = await endSupportSession({ body: {}, headers: { Authorization: `Bearer ${token}` } });
      endLocally('tenant', 'support-ended');
      return !!response?.ok;
    }
    const logout = realm === 'platform' ? logoutStaff : logoutUser;
    const { response } = await logout({ body: { cookie: true }, headers: { ...CSRF, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
    endLocally(realm, 'signed-out');
    return !!response?.ok;
  }

  /** The API already ended every session (password changed): only forget it here. */
  function end(reason: SignedOutReason): void {
    endLocally(state.realm, reason);
  }

  /** The `fetch` the generated client uses: one renewal and one retry on a 401 of an authenticated call. */
  async function fetchWithSession(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // The generated client always passes a Request; anything else is made into one.
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const sentToken = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    const retryable = sentToken !== undefined && !AUTH_FLOW_PATH.test(new URL(request.url).pathname);
    const retryCopy = retryable ? request.clone() : undefined;
    const response = await globalThis.fetch(request);
    if (response.status !== 401 || !retryCopy) return response;
    // Another call may have renewed the token while this one was on its way: then just retry.
    const renewed = (accessToken !== undefined && accessToken !== sentToken) || (await refresh());
    if (!renewed || !accessToken) return response;
    retryCopy.headers.set('Authorization', `Bearer ${accessToken}`);
    return globalThis.fetch(retryCopy);
  }

  return {
    getState: (): SessionState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: (): string | undefined => accessToken,
    restore,
    establish,
    refresh,
    signOut,
    end,
    fetch: fetchWithSession,
  };
}

/** What the console shows of a support token: its claims, read without verifying (the API verifies). */
function supportClaimsOf(token: string): SupportSessionInfo {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { imp: string; scope: SupportSessionInfo['scope']; exp: number; act: { email: string } };
  return { id: claims.imp, staffEmail: claims.act.email, scope: claims.scope, expiresAt: new Date(claims.exp * 1000) };
}
