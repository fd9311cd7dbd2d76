import { client } from '@keel/api-client';

/** Points the generated client at the API. Called once at start (and by the test setup). */
export function configureApiClient(): void {
  // Same origin: the API serves the built SPA, and the Vite dev server proxies /api to it.
  // `include` so the httpOnly refresh cookie travels with the calls that need it.
  client.setConfig({ baseUrl: '', credentials: 'include' });
}
