import { BadRequestException, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Realm } from '@keel/shared';
import { IsNull } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { hashToken, randomToken } from '../../common/crypto/secret-box.service';
import { AuthToken, type AuthTokenPurpose } from './auth-token.entity';

const LIFETIME_MILLISECONDS: Record<AuthTokenPurpose, number> = {
  invitation: 72 * 3_600_000,
  password_reset: 3_600_000,
};

const INVALID_MESSAGES: Record<AuthTokenPurpose, string> = {
  invitation: 'This invitation link is invalid, expired or already used',
  password_reset: 'This password reset link is invalid, expired or already used',
};

/** Single-use e-mailed tokens (invitations, password resets); only their hashes are stored. */
@Injectable()
export class AuthTokensService {
  constructor(private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>, private readonly clock: ClockService) {}

  private get repository() {
    return this.transactionHost.tx.getRepository(AuthToken);
  }

  /** Issues a token; any earlier unused token of the same purpose for that account stops working. */
  async issue(realm: Realm, accountId: string, purpose: AuthTokenPurpose): Promise<string> {
    const owner = realm === 'platform' ? { platformUserId: accountId } : { userId: accountId };
    const now = this.clock.now();
    await this.repository.update({ ...owner, purpose, usedAt: IsNull() }, { usedAt: now });
    const token = randomToken();
    await this.repository.insert({
      realm,
      purpose,
      ...owner,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LIFETIME_MILLISECONDS[purpose]),
    });
    return token;
  }

  /** Marks the token used and returns its account id; 400 for a used, expired or unknown token. */
  async consume(realm: Realm, purpose: AuthTokenPurpose, token: string): Promise<string> {
    const now = this.clock.now();
    const rows: { user_id: string | null; platform_user_id: string | null }[] = await this.transactionHost.tx.query(
      `UPDATE auth_tokens SET used_at = $1
        WHERE token_hash = $2 AND realm = $3 AND purpose = $4 AND used_at IS NULL AND expires_at > $1
        RETURNING user_id, platform_user_id`,
      [now, hashToken(token), realm, purpose],
    ).then((result: [unknown[], number]) => result[0] as { user_id: string | null; platform_user_id: string | null }[]);
    const row = rows[0];
    if (!row) throw new BadRequestException(INVALID_MESSAGES[purpose]);
    return (row.user_id ?? row.platform_user_id)!;
  }
}
