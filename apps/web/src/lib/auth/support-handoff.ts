/**
 * Hands a support session's token from the staff tab that started it to the tenant-console tab it
 * opens: by postMessage between windows of this origin, never in a URL or in storage, and again
 * whenever the support tab reloads (as long as the staff tab is open). Only the session's id, which
 * is no secret, stays in the support tab's sessionStorage, so that a reload knows what to ask for.
 */
const REQUEST = 'keel:support-token-request';
const ANSWER = 'keel:support-token';
const STORAGE_KEY = 'keel.support-session-id';
/** The query parameter that makes a freshly opened tab a support tab. */
export const SUPPORT_SESSION_PARAM = 'support_session';
const HANDOFF_TIMEOUT_MILLISECONDS = 5_000;

type HandoffMessage = { type: typeof REQUEST; id: string } | { type: typeof ANSWER; id: string; token: string };

// Staff tab: the tokens it handed out, and the window each may go to.
const offers = new Map<string, { token: string; window: Window }>();
let answering = false;

/** Opens the tenant console as the support session's user in a new tab, and stands ready to hand it the token. */
export function openSupportTab(id: string, token: string): boolean {
  const opened = window.open(`/app?${SUPPORT_SESSION_PARAM}=${encodeURIComponent(id)}`, '_blank');
  if (!opened) return false;
  offers.set(id, { token, window: opened });
  if (!answering) {
    window.addEventListener('message', answerTokenRequest);
    answering = true;
  }
  return true;
}

/** The token goes only to the very window opened for it, and only on this origin. */
function answerTokenRequest(event: MessageEvent<HandoffMessage>): void {
  if (event.origin !== window.location.origin || event.data?.type !== REQUEST) return;
  const offer = offers.get(event.data.id);
  if (!offer || event.source !== offer.window) return;
  const answer: HandoffMessage = { type: ANSWER, id: event.data.id, token: offer.token };
  offer.window.postMessage(answer, window.location.origin);
}

/** Support tab: the support session this tab works in, if it is a support tab (first from the URL, then from sessionStorage). */
export function supportSessionIdOfThisTab(): string | null {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get(SUPPORT_SESSION_PARAM);
    if (fromUrl) {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
      const url = new URL(window.location.href);
      url.searchParams.delete(SUPPORT_SESSION_PARAM);
      window.history.replaceState(window.history.state, '', url);
      return fromUrl;
    }
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** This tab is done with its support session: a reload shows the ordinary console again. */
export function leaveSupportTab(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}

/** Asks the staff tab that opened this one for the session's token; null if it is gone or does not answer. */
export function requestSupportToken(id: string): Promise<string | null> {
  const opener = window.opener as Window | null;
  if (!opener) return Promise.resolve(null);
  return new Promise((resolve) => {
    const finish = (token: string | null) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(token);
    };
    const onMessage = (event: MessageEvent<HandoffMessage>) => {
      if (event.origin !== window.location.origin || event.source !== opener) return;
      if (event.data?.type === ANSWER && event.data.id === id) finish(event.data.token);
    };
    const timer = setTimeout(() => finish(null), HANDOFF_TIMEOUT_MILLISECONDS);
    window.addEventListener('message', onMessage);
    const request: HandoffMessage = { type: REQUEST, id };
    opener.postMessage(request, window.location.origin);
  });
}
