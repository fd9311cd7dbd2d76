import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

// Named 'default' because @nestjs/throttler suffixes the Retry-After header with any other name.
export const LOGIN_THROTTLER = 'default';
export const LOGINS_PER_IP_PER_MINUTE = 20;

/**
 * At most 20 `POST …/login` attempts a minute per client IP, both realms counted together
 * (SPEC §3). The IP is express's `req.ip`, which honours X-Forwarded-For only with TRUST_PROXY.
 */
@Injectable()
export class LoginRateGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return String(request.ip ?? 'unknown');
  }

  // One bucket for every login route, whichever realm.
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `login:${throttlerName}:${tracker}`;
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many sign-in attempts from this address; wait a minute and try again';
  }
}
