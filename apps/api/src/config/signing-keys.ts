import { createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from './environment';

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g;

/** A kind of signing key Keel accepts: EC P-256 for access tokens (ES256), Ed25519 for audit checkpoints. */
export interface SigningKeyKind {
  name: string;
  accepts(key: KeyObject): boolean;
}

/** An EC P-256 key: the only kind that signs or verifies ES256. */
export function isEs256Key(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

export const ES256_KEY: SigningKeyKind = { name: 'EC P-256', accepts: isEs256Key };
export const ED25519_KEY: SigningKeyKind = { name: 'Ed25519', accepts: (key) => key.asymmetricKeyType === 'ed25519' };

/**
 * The public keys of a `*_PREVIOUS_PUBLIC_KEYS` variable: PEM blocks one after the other, each a
 * public key of `kind`. A private key is refused: once rotated out, it should exist nowhere.
 */
export function parsePreviousPublicKeys(text: string | undefined, variable: string, kind: SigningKeyKind): KeyObject[] {
  if (!text) return [];
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (text.replace(PEM_BLOCK, '').trim() !== '') throw new ConfigurationError(`${variable}: holds text outside its PEM blocks`);
  return blocks.map(([pem, label], index) => {
    if (label.includes('PRIVATE')) {
      throw new ConfigurationError(`${variable}: holds a private key; give its public half instead (openssl pkey -in old.pem -pubout)`);
    }
    let key: KeyObject | undefined;
    try {
      key = createPublicKey(pem);
    } catch {
      key = undefined;
    }
    if (!key || !kind.accepts(key)) throw new ConfigurationError(`${variable}: key ${index + 1} is not an ${kind.name} public key`);
    return key;
  });
}
