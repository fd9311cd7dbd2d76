import { createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from './environment';

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g;

/** An EC P-256 key: the only kind that signs or verifies ES256. */
export function isEs256Key(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

/**
 * The public keys of JWT_PREVIOUS_PUBLIC_KEYS: PEM blocks one after the other, each an EC P-256
 * public key. A private key is refused: once rotated out, it should exist nowhere.
 */
export function parsePreviousPublicKeys(text: string | undefined): KeyObject[] {
  if (!text) return [];
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (text.replace(PEM_BLOCK, '').trim() !== '') throw new ConfigurationError('JWT_PREVIOUS_PUBLIC_KEYS: holds text outside its PEM blocks');
  return blocks.map(([pem, label], index) => {
    if (label.includes('PRIVATE')) {
      throw new ConfigurationError('JWT_PREVIOUS_PUBLIC_KEYS: holds a private key; give its public half instead (openssl pkey -in old.pem -pubout)');
    }
    let key: KeyObject | undefined;
    try {
      key = createPublicKey(pem);
    } catch {
      key = undefined;
    }
    if (!key || !isEs256Key(key)) throw new ConfigurationError(`JWT_PREVIOUS_PUBLIC_KEYS: key ${index + 1} is not an EC P-256 public key`);
    return key;
  });
}
