// The SDK for integrators: everything generated from the OpenAPI document (src/, never edited),
// plus what generation cannot give — a client bound to an API key, and webhook signature checks.
import { createClient, createConfig, type Client } from './src/client';

export * from './src/index';
export { signWebhookPayload, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../shared/src/webhook-signature';

/**
 * A client of one Keel deployment that authenticates with an API key (`keel_…`, SPEC §11). Pass
 * it to any SDK function: `listTenantHealth({ client, query: { health: 'critical' } })`.
 */
export function createKeelClient(options: { baseUrl: string; apiKey: string; fetch?: typeof fetch }): Client {
  return createClient(createConfig({ baseUrl: options.baseUrl.replace(/\/$/, ''), auth: () => options.apiKey, ...(options.fetch ? { fetch: options.fetch } : {}) }));
}
