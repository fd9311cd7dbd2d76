import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

const VERSION = 'v1';

/** Encrypts small secrets at rest (TOTP secrets, grace token pairs) with AES-256-GCM. */
@Injectable()
export class SecretBoxService {
  private readonly macKey: Buffer;

  constructor(private readonly config: AppConfig) {
    this.macKey = Buffer.from(hkdfSync('sha256', config.dataEncryptionKey, Buffer.alloc(0), 'keel token authentication', 32));
  }

  /** A MAC proving that Keel issued `data` (e.g. a refresh token of a given generation). */
  sign(data: string): string {
    return createHmac('sha256', this.macKey).update(data).digest('base64url');
  }

  verifySignature(data: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(data));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.dataEncryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Unrecognised ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.config.dataEncryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }
}

/** Hash of a high-entropy token (refresh, invitation, reset, recovery code): lookup without storing it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
