import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveWebhookTarget } from './ssrf-guard';
import { signWebhookPayload, WEBHOOK_SIGNATURE_HEADER } from '@keel/shared';

const TIMEOUT_MILLISECONDS = 10_000;
const USER_AGENT = 'Keel-Webhooks/1';

export interface DeliveryResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * POSTs one signed event. The host is resolved and checked once, and the connection goes to that
 * very address (no second lookup a rebinding DNS could answer differently); redirects are not followed.
 */
export async function deliverWebhook(url: string, body: string, secret: string, allowPrivate: boolean, nowSeconds: number): Promise<DeliveryResult> {
  const target = new URL(url);
  let pinned;
  try {
    pinned = await resolveWebhookTarget(target, allowPrivate);
  } catch (error) {
    return { ok: false, statusCode: null, error: (error as Error).message };
  }
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const signature = await signWebhookPayload(secret, body, nowSeconds);
  return new Promise<DeliveryResult>((resolve) => {
    const outgoing = send(
      target,
      {
        method: 'POST',
        lookup,
        timeout: TIMEOUT_MILLISECONDS,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': USER_AGENT, [WEBHOOK_SIGNATURE_HEADER]: signature },
      },
      (response) => {
        response.resume(); // the body is not needed; drain it so the socket is released
        const statusCode = response.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        resolve({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}${statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : ''}` });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`No answer within ${TIMEOUT_MILLISECONDS / 1000} s`)));
    outgoing.on('error', (error) => resolve({ ok: false, statusCode: null, error: error.message }));
    outgoing.end(body);
  });
}
