// Webhook signatures (SPEC §11), on Web Crypto so that the API, the SDK in Node and browsers share them:
// `Keel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.

export const WEBHOOK_SIGNATURE_HEADER = 'Keel-Signature';
const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacKey(secret: string) {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** The `Keel-Signature` header value for `body` sent at `unixSeconds`. */
export async function signWebhookPayload(secret: string, body: string, unixSeconds: number): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(`${unixSeconds}.${body}`));
  const hex = Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `t=${unixSeconds},v1=${hex}`;
}

/**
 * For receivers: true when `header` signs exactly this raw body with this secret, at most
 * `toleranceSeconds` from now (a replayed old delivery fails). Compares in constant time.
 */
export async function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): Promise<boolean> {
  const parts = new Map(header.split(',').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as const));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given) || Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const bytes = new Uint8Array(given.match(/../g)!.map((pair) => parseInt(pair, 16)));
  return crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, new TextEncoder().encode(`${timestamp}.${body}`));
}
