import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '../../common/decorators/principal.decorator';

export const MINTS_PER_MINUTE = 10;

/**
 * At most 10 support sessions started a minute per staff member, both minting routes counted
 * together (SPEC §6); in Redis when configured, so every replica counts in one place.
 */
@Injectable()
export class MintRateGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request.user as Principal | undefined)?.accountId ?? 'unknown';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `support-mint:${throttlerName}:${tracker}`;
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many support sessions started; wait a minute and try again';
  }
}
