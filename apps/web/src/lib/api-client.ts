import { client } from '@keel/api-client';
import { ApiRequestError, parseRetryAfter } from './api-error';
import type { Session } from './auth/session';

let errorInterceptorInstalled = false;

/**
 * Points the generated client at the API and at the session: the bearer token comes from memory,
 * and every request passes the session's fetch (renewal on 401). Called at start and by tests.
 */
export function configureApiClient(session?: Session): void {
  client.setConfig({
    // Same origin: the API serves the built SPA, and the Vite dev server proxies /api to it.
    baseUrl: '',
    // `include` so the httpOnly refresh cookie travels with the calls that need it.
    credentials: 'include',
    auth: () => session?.accessToken(),
    fetch: session ? session.fetch : (input, init) => globalThis.fetch(input, init),
  });
  if (!errorInterceptorInstalled) {
    // Errors keep their status and Retry-After, which the body alone does not carry.
    client.interceptors.error.use((error, response) =>
      response ? new ApiRequestError(response.status, error, parseRetryAfter(response.headers.get('Retry-After'))) : error,
    );
    errorInterceptorInstalled = true;
  }
}
