import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { ClockService } from '../../common/clock/clock.service';

const ISSUER = 'Keel';
export const RECOVERY_CODE_COUNT = 10;
// One step either side absorbs clock drift between the server and the authenticator.
const EPOCH_TOLERANCE_SECONDS = 30;

/** TOTP per RFC 6238 (SHA-1, 30 s, 6 digits) via otplib, with one-time recovery codes. */
@Injectable()
export class TotpService {
  constructor(private readonly clock: ClockService) {}

  createSecret(): string {
    return generateSecret();
  }

  otpauthUrl(secret: string, accountEmail: string): string {
    return generateURI({ issuer: ISSUER, label: accountEmail, secret });
  }

  /** The matched time step, or null. Steps at or before `lastUsedStep` are refused (a code is accepted once). */
  verify(secret: string, code: string, lastUsedStep: number | null): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const result = verifySync({
      secret,
      token: code,
      epoch: this.clock.nowSeconds(),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** Recovery codes like `k3f9-2hq7-x8dm`: 60 bits each, easy to read out loud. */
  createRecoveryCodes(): string[] {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const characters = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
      return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
    });
  }
}

/** Recovery codes are compared without dashes, case or spaces. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
