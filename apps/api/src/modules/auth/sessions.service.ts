import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Realm } from '@keel/shared';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { hashToken, randomToken, SecretBoxService } from '../../common/crypto/secret-box.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import type { RequestContext } from '../../common/http/request-context';
import { orgIdOf, type Account } from './accounts.service';
import { SessionCheckCache, type CheckedSession } from './session-check-cache';
import { Session } from './session.entity';
import type { AccessClaims } from './token.service';

const LOCKED_ORG_MESSAGES: Record<string, string> = {
  pending: 'Your organization is awaiting approval by the platform team',
  rejected: 'Your organization’s sign-up was rejected',
  suspended: 'Your organization is suspended; contact support',
  pending_deletion: 'Your organization is scheduled for deletion',
  deleting: 'Your organization is being deleted',
};

/** Why a tenant user of an org in this status may not sign in or call the API, or null if they may. */
export function orgLockMessage(status: string): string | null {
  return LOCKED_ORG_MESSAGES[status] ?? null;
}

/** The support-session claims of a tenant token, already checked for shape. */
export interface SupportClaims {
  supportSessionId: string;
  scope: 'read_only' | 'read_write';
  actorId: string;
  actorEmail: string;
}

interface SupportSessionRow {
  scope: string;
  expires_at: Date;
  ended_at: Date | null;
  platform_user_id: string;
  org_id: string;
  email: string;
  name: string;
  mfa_enabled: boolean;
  role: string;
  status: string;
  org_status: string;
  allow_platform_impersonation: boolean;
  staff_email: string;
  staff_status: string;
  staff_session_revoked_at: Date | null;
  staff_session_expires_at: Date | null;
}

interface SessionRow {
  revoked_at: Date | null;
  expires_at: Date;
  mfa_verified_at: Date | null;
  email: string;
  name: string;
  mfa_enabled: boolean;
  role: string;
  status: string;
  org_id?: string;
  org_status?: string;
}

/** Sessions are refresh-token families, one row each; revoking the row ends the access tokens minted from it. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly secretBox: SecretBoxService,
    private readonly checks: SessionCheckCache,
  ) {}

  private get repository() {
    return this.transactionHost.tx.getRepository(Session);
  }

  async create(realm: Realm, account: Account, context: RequestContext, options: { mfaVerified: boolean }): Promise<{ session: Session; refreshToken: string }> {
    const now = this.clock.now();
    const session = this.repository.create({
      realm,
      userId: realm === 'tenant' ? account.id : null,
      platformUserId: realm === 'platform' ? account.id : null,
      orgId: orgIdOf(account),
      refreshTokenHash: 'pending',
      mfaVerifiedAt: options.mfaVerified ? now : null,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlDays * 86_400_000),
    });
    await this.repository.save(session);
    const refreshToken = this.issueRefreshToken(session.id, 0);
    session.refreshTokenHash = hashToken(refreshToken);
    await this.repository.update({ id: session.id }, { refreshTokenHash: session.refreshTokenHash });
    return { session, refreshToken };
  }

  /** Locks the session row: concurrent refreshes of one family take turns. */
  findForUpdate(realm: Realm, sessionId: string): Promise<Session | null> {
    return this.repository.createQueryBuilder('session').setLock('pessimistic_write').where('session.id = :sessionId AND session.realm = :realm', { sessionId, realm }).getOne();
  }

  /** Moves the family to a new refresh token; the old one stays valid for racing tabs during the grace. */
  async rotate(session: Session, gracePairEncrypted: (refreshToken: string) => string): Promise<string> {
    const generation = session.refreshGeneration + 1;
    const refreshToken = this.issueRefreshToken(session.id, generation);
    const now = this.clock.now();
    await this.repository.update(
      { id: session.id },
      {
        refreshGeneration: generation,
        previousRefreshTokenHash: session.refreshTokenHash,
        refreshTokenHash: hashToken(refreshToken),
        rotatedAt: now,
        lastUsedAt: now,
        gracePairEncrypted: gracePairEncrypted(refreshToken),
      },
    );
    return refreshToken;
  }

  /**
   * Refresh tokens are `<session id>.<generation>.<random>.<mac>`: only the current one's hash is
   * stored, and the MAC lets an older generation be recognised as Keel's own (re-use) rather than a guess.
   */
  private issueRefreshToken(sessionId: string, generation: number): string {
    const body = `${sessionId}.${generation}.${randomToken()}`;
    return `${body}.${this.secretBox.sign(body)}`;
  }

  /** The session and generation of a refresh token Keel issued, or null for anything else. */
  parseRefreshToken(token: string): { sessionId: string; generation: number } | null {
    const parts = token.split('.');
    if (parts.length !== 4) return null;
    const [sessionId, generation, random, signature] = parts;
    if (!/^[0-9a-f-]{36}$/i.test(sessionId) || !/^\d{1,9}$/.test(generation) || !random) return null;
    if (!this.secretBox.verifySignature(`${sessionId}.${generation}.${random}`, signature)) return null;
    return { sessionId, generation: Number(generation) };
  }

  async revoke(sessionId: string, reason: string): Promise<boolean> {
    const result = await this.repository.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason, gracePairEncrypted: null });
    return (result.affected ?? 0) > 0;
  }

  /** The session passed a second factor just now (step-up). */
  async markMfaVerified(sessionId: string): Promise<void> {
    await this.repository.update({ id: sessionId }, { mfaVerifiedAt: this.clock.now() });
  }

  /** Ends every session of one account (role change, disable, password change). */
  async revokeAllForAccount(realm: Realm, accountId: string, reason: string): Promise<number> {
    const column = realm === 'platform' ? 'platformUserId' : 'userId';
    const result = await this.repository.update({ [column]: accountId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason, gracePairEncrypted: null });
    return result.affected ?? 0;
  }

  /** Ends every session of every user of an org (suspension, deletion, force logout). */
  async revokeAllForOrg(orgId: string, reason: string): Promise<number> {
    const result = await this.repository.update({ orgId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason, gracePairEncrypted: null });
    return result.affected ?? 0;
  }

  /** Ends the org's sessions that did not pass MFA, when 2FA becomes required: they must re-authenticate. */
  async revokeOrgSessionsWithoutMfa(orgId: string, reason: string): Promise<number> {
    const result = await this.repository.update({ orgId, revokedAt: IsNull(), mfaVerifiedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason, gracePairEncrypted: null });
    return result.affected ?? 0;
  }

  /**
   * Turns verified access-token claims into the caller, in SPEC §3 order:
   * org status (403) → session not revoked or expired (401). One indexed query per request.
   */
  principalFor(realm: Realm, claims: Pick<AccessClaims, 'sub'> & { sid: string }): Promise<Principal> {
    return this.checks.remember(`${realm}|${claims.sid}|${claims.sub}`, () => this.checkSession(realm, claims));
  }

  private async checkSession(realm: Realm, claims: Pick<AccessClaims, 'sub'> & { sid: string }): Promise<CheckedSession> {
    const rows: SessionRow[] =
      realm === 'platform'
        ? await this.dataSource.query(
            `SELECT s.revoked_at, s.expires_at, s.mfa_verified_at, a.email, a.name, a.mfa_enabled, a.role, a.status
               FROM sessions s JOIN platform_users a ON a.id = s.platform_user_id
              WHERE s.id = $1 AND s.platform_user_id = $2`,
            [claims.sid, claims.sub],
          )
        : await this.dataSource.query(
            `SELECT s.revoked_at, s.expires_at, s.mfa_verified_at, a.email, a.name, a.mfa_enabled, a.role, a.status, a.org_id, o.status AS org_status
               FROM sessions s JOIN users a ON a.id = s.user_id JOIN organizations o ON o.id = a.org_id
              WHERE s.id = $1 AND s.user_id = $2`,
            [claims.sid, claims.sub],
          );
    const row = rows[0];
    if (!row) throw new UnauthorizedException('The session has ended; sign in again');
    const lock = row.org_status ? orgLockMessage(row.org_status) : null;
    if (lock) throw new ForbiddenException(lock);
    if (row.revoked_at || row.expires_at.getTime() <= this.clock.nowMilliseconds() || row.status !== 'active') {
      throw new UnauthorizedException('The session has ended; sign in again');
    }
    const principal: Principal = {
      realm,
      accountId: claims.sub,
      sessionId: claims.sid,
      email: row.email,
      role: row.role as Principal['role'],
      orgId: row.org_id ?? null,
      mfaVerifiedAt: row.mfa_verified_at,
      profile: { name: row.name, mfaEnabled: row.mfa_enabled },
    };
    return { principal, validUntil: row.expires_at.getTime() };
  }

  /**
   * The caller of a support-session token: the target user, capped by the session's scope. The
   * session row is the truth, read on every request, so revoking, ending or expiring it takes
   * effect at once on every replica; so does ending the staff session that opened it, disabling
   * the staff member, or the org owner withdrawing consent. Claims that disagree with the row
   * (altered `act`, `scope` or `sub`) are refused.
   */
  principalForSupportSession(userId: string, claims: SupportClaims): Promise<Principal> {
    const key = ['support', claims.supportSessionId, userId, claims.scope, claims.actorId, claims.actorEmail].join('|');
    return this.checks.remember(key, () => this.checkSupportSession(userId, claims));
  }

  private async checkSupportSession(userId: string, claims: SupportClaims): Promise<CheckedSession> {
    const rows: SupportSessionRow[] = await this.dataSource.query(
      `SELECT ss.scope, ss.expires_at, ss.ended_at, ss.platform_user_id, ss.org_id,
              u.email, u.name, u.mfa_enabled, u.role, u.status, o.status AS org_status, o.allow_platform_impersonation,
              p.email AS staff_email, p.status AS staff_status,
              st.revoked_at AS staff_session_revoked_at, st.expires_at AS staff_session_expires_at
         FROM support_sessions ss
         JOIN users u ON u.id = ss.target_user_id
         JOIN organizations o ON o.id = ss.org_id
         JOIN platform_users p ON p.id = ss.platform_user_id
         LEFT JOIN sessions st ON st.id = ss.staff_session_id
        WHERE ss.id = $1 AND ss.target_user_id = $2`,
      [claims.supportSessionId, userId],
    );
    const row = rows[0];
    if (!row || row.platform_user_id !== claims.actorId || row.staff_email !== claims.actorEmail || row.scope !== claims.scope) {
      throw new UnauthorizedException('The support-session token is not valid');
    }
    const lock = orgLockMessage(row.org_status);
    if (lock) throw new ForbiddenException(lock);
    const now = this.clock.nowMilliseconds();
    const staffSessionAlive = row.staff_session_expires_at !== null && !row.staff_session_revoked_at && row.staff_session_expires_at.getTime() > now;
    if (row.ended_at || row.expires_at.getTime() <= now || !staffSessionAlive || row.staff_status !== 'active' || row.status !== 'active' || !row.allow_platform_impersonation) {
      throw new UnauthorizedException('The support session has ended');
    }
    const principal: Principal = {
      realm: 'tenant',
      accountId: userId,
      sessionId: claims.supportSessionId,
      email: row.email,
      role: row.role as Principal['role'],
      orgId: row.org_id,
      mfaVerifiedAt: null,
      profile: { name: row.name, mfaEnabled: row.mfa_enabled },
      impersonation: { id: claims.supportSessionId, scope: claims.scope, actorId: claims.actorId, actorEmail: claims.actorEmail },
    };
    return { principal, validUntil: Math.min(row.expires_at.getTime(), row.staff_session_expires_at!.getTime()) };
  }
}
