import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Realm } from '@keel/shared';
import { ClockService } from '../../common/clock/clock.service';
import { TooManyRequestsException } from '../../common/http/too-many-requests.exception';
import { RequestTransaction } from '../../common/transactions/request-transaction.service';
import { AuthFailure } from './auth-failure.entity';

export const FAILURE_WINDOW_MILLISECONDS = 15 * 60_000;
export const LOCK_AFTER_FAILURES = 5;
export const SLOW_DOWN_AFTER_FAILURES = 20;
const DELAY_STEP_MILLISECONDS = 250;
const MAX_DELAY_MILLISECONDS = 5_000;

/**
 * Brute-force rules of SPEC §3, on failures kept in PostgreSQL so that every replica sees them.
 * Failures are written after the request's transaction ends: they must survive the refusal.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly requestTransaction: RequestTransaction,
    private readonly clock: ClockService,
  ) {}

  /** 5 failures for this e-mail from this IP within 15 min lock that pair out until the window passes. */
  assertLoginAllowed(realm: Realm, email: string, ipAddress: string | null): Promise<void> {
    return this.assertBelowLimit(
      `kind = 'login' AND realm = $1 AND email = $2 AND ip_address IS NOT DISTINCT FROM $3`,
      [realm, email, ipAddress],
      'Too many failed sign-in attempts; try again later',
    );
  }

  /** Beyond 20 failures for one e-mail from all IPs, every attempt waits a little longer; never a hard lock. */
  async delayFor(realm: Realm, email: string): Promise<number> {
    const since = new Date(this.clock.nowMilliseconds() - FAILURE_WINDOW_MILLISECONDS);
    const [{ count }]: { count: number }[] = await this.transactionHost.tx.query(
      `SELECT count(*)::int AS count FROM (
         SELECT 1 FROM auth_failures WHERE kind = 'login' AND realm = $1 AND email = $2 AND created_at > $3 LIMIT 1000) recent`,
      [realm, email, since],
    );
    const excess = count - SLOW_DOWN_AFTER_FAILURES;
    return excess > 0 ? Math.min(excess * DELAY_STEP_MILLISECONDS, MAX_DELAY_MILLISECONDS) : 0;
  }

  async recordLoginFailure(realm: Realm, email: string, ipAddress: string | null): Promise<void> {
    const failure = { kind: 'login' as const, realm, email, ipAddress, createdAt: this.clock.now() };
    await this.requestTransaction.afterwards(async () => void (await this.transactionHost.tx.getRepository(AuthFailure).insert(failure)));
  }

  /** 5 wrong codes for one account within 15 min → 429 on mfa/verify, whatever the mfa_token. */
  assertMfaAllowed(realm: Realm, accountId: string): Promise<void> {
    return this.assertBelowLimit(`kind = 'mfa' AND realm = $1 AND account_id = $2`, [realm, accountId], 'Too many wrong codes; try again later');
  }

  // Locked while the window holds LOCK_AFTER_FAILURES failures; Retry-After says when the oldest of them leaves it.
  private async assertBelowLimit(condition: string, parameters: unknown[], message: string): Promise<void> {
    const now = this.clock.nowMilliseconds();
    const recent: { created_at: Date }[] = await this.transactionHost.tx.query(
      `SELECT created_at FROM auth_failures WHERE ${condition} AND created_at > $${parameters.length + 1}
        ORDER BY created_at DESC LIMIT ${LOCK_AFTER_FAILURES}`,
      [...parameters, new Date(now - FAILURE_WINDOW_MILLISECONDS)],
    );
    if (recent.length < LOCK_AFTER_FAILURES) return;
    const oldest = recent[recent.length - 1].created_at.getTime();
    throw new TooManyRequestsException(message, Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MILLISECONDS - now) / 1000)));
  }

  async recordMfaFailure(realm: Realm, accountId: string, ipAddress: string | null): Promise<void> {
    const failure = { kind: 'mfa' as const, realm, accountId, ipAddress, createdAt: this.clock.now() };
    await this.requestTransaction.afterwards(async () => void (await this.transactionHost.tx.getRepository(AuthFailure).insert(failure)));
  }
}
