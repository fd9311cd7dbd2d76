import { BadRequestException, ConflictException, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Realm } from '@keel/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { hashToken, SecretBoxService } from '../../common/crypto/secret-box.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { Organization } from '../orgs/organization.entity';
import { AccountsService, orgIdOf, type Account } from './accounts.service';
import { AuthTokensService } from './auth-tokens.service';
import type { LoginResult, MeDto, MfaEnrollmentDto, TokenPairDto } from './dto/auth-responses.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { orgLockMessage, SessionsService } from './sessions.service';
import { SignOutHooks } from './sign-out-hooks';
import { TokenService } from './token.service';
import { normalizeRecoveryCode, TotpService } from './totp.service';

// Tabs refreshing at once present the same token; within this grace they all get the pair the first one got.
export const REFRESH_GRACE_MILLISECONDS = 10_000;
const INVALID_CREDENTIALS = 'Invalid email or password';
const INVALID_CODE = 'Invalid code';
const STEP_UP_WINDOW_MILLISECONDS = 5 * 60_000;

type RefreshOutcome = { pair: TokenPairDto } | { reused: true } | { invalid: true };

/** Every sign-in flow of SPEC §3, the same for both realms. */
@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly throttle: LoginThrottleService,
    private readonly authTokens: AuthTokensService,
    private readonly secretBox: SecretBoxService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly signOutHooks: SignOutHooks,
  ) {}

  /**
   * Step-up before a sensitive staff action (SPEC §6): this session passed MFA within the last
   * five minutes, or `code` is a fresh TOTP code of the staff member (consumed, like at sign-in).
   */
  async assertRecentSecondFactor(principal: Principal, code: string | undefined, context: RequestContext): Promise<void> {
    const verifiedAt = principal.mfaVerifiedAt?.getTime();
    if (verifiedAt !== undefined && this.clock.nowMilliseconds() - verifiedAt <= STEP_UP_WINDOW_MILLISECONDS) return;
    if (!code) throw new ForbiddenException('Enter the current code of your authenticator app (totp_code): this needs a second factor from the last 5 minutes');
    await this.throttle.assertMfaAllowed(principal.realm, principal.accountId);
    const account = await this.accounts.findByIdForUpdate(principal.realm, principal.accountId);
    if (!account?.mfaEnabled || !account.mfaSecretEncrypted) throw new ForbiddenException('Set up two-factor authentication first: this needs a second factor');
    const lastStep = account.mfaLastTimeStep === null ? null : Number(account.mfaLastTimeStep);
    const step = this.totp.verify(this.secretBox.decrypt(account.mfaSecretEncrypted), code, lastStep);
    if (step === null) {
      await this.throttle.recordMfaFailure(principal.realm, principal.accountId, context.ipAddress);
      throw new ForbiddenException('The authentication code is wrong or was already used');
    }
    await this.accounts.update(principal.realm, account.id, { mfaLastTimeStep: String(step) });
    await this.sessions.markMfaVerified(principal.sessionId);
  }

  async login(realm: Realm, email: string, password: string, context: RequestContext): Promise<LoginResult> {
    await this.throttle.assertLoginAllowed(realm, email, context.ipAddress);
    const delay = await this.throttle.delayFor(realm, email);
    if (delay > 0) await sleep(delay);

    const account = await this.accounts.findByEmail(realm, email);
    const passwordMatches = await this.passwords.verify(account?.passwordHash, password);
    if (!account || !passwordMatches || account.status === 'invited') {
      await this.throttle.recordLoginFailure(realm, email, context.ipAddress);
      await this.recordFailedSignIn(realm, account, email, 'invalid_credentials', context);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // The password was right: from here on, saying why the sign-in is refused reveals nothing new.
    if (account.status === 'disabled') {
      await this.recordFailedSignIn(realm, account, email, 'account_disabled', context);
      throw new ForbiddenException('This account is disabled');
    }
    const lock = await this.orgLock(account);
    if (lock) {
      await this.recordFailedSignIn(realm, account, email, 'organization_locked', context);
      throw new ForbiddenException(lock);
    }

    if (account.mfaEnabled || (await this.requiresMfa(realm, account))) {
      // The sign-in completes (and is audited) at mfa/verify.
      this.audit.describe({ skip: true });
      const mfaToken = this.tokens.signMfaToken(realm, account.id);
      return account.mfaEnabled ? { mfa_required: true, mfa_token: mfaToken } : { mfa_enrollment_required: true, mfa_token: mfaToken };
    }
    this.describeSignIn(realm, account, { method: 'password' });
    return this.startSession(realm, account, context, { mfaVerified: false });
  }

  @Transactional()
  async enrollMfa(realm: Realm, mfaToken: string): Promise<MfaEnrollmentDto> {
    const account = await this.accountForMfaToken(realm, mfaToken);
    if (account.mfaEnabled) throw new ConflictException('Two-factor authentication is already set up; verify a code instead');
    const secret = this.totp.createSecret();
    await this.accounts.update(realm, account.id, { mfaPendingSecretEncrypted: this.secretBox.encrypt(secret) });
    this.describeSignIn(realm, account, {});
    return { secret, otpauth_url: this.totp.otpauthUrl(secret, account.email) };
  }

  async verifyMfa(realm: Realm, mfaToken: string, code: string, context: RequestContext): Promise<TokenPairDto> {
    const { sub } = this.tokens.verifyMfaToken(realm, mfaToken);
    await this.throttle.assertMfaAllowed(realm, sub);
    const result = await this.checkCodeAndStartSession(realm, sub, code, context);
    if (result === 'wrong_code') {
      await this.throttle.recordMfaFailure(realm, sub, context.ipAddress);
      await this.recordFailedSignIn(realm, await this.accounts.findById(realm, sub), null, 'invalid_mfa_code', context);
      throw new UnauthorizedException(INVALID_CODE);
    }
    return result;
  }

  // One transaction: the code is consumed (time step or recovery code) only if the session is created too.
  @Transactional()
  private async checkCodeAndStartSession(realm: Realm, accountId: string, code: string, context: RequestContext): Promise<TokenPairDto | 'wrong_code'> {
    const account = await this.accounts.findByIdForUpdate(realm, accountId);
    if (!account || account.status !== 'active') throw new UnauthorizedException('The MFA token is invalid or has expired; sign in again');
    await this.assertOrgAdmitsSignIn(account);

    if (account.mfaEnabled && account.mfaSecretEncrypted) {
      const lastStep = account.mfaLastTimeStep === null ? null : Number(account.mfaLastTimeStep);
      const step = this.totp.verify(this.secretBox.decrypt(account.mfaSecretEncrypted), code, lastStep);
      if (step !== null) {
        await this.accounts.update(realm, account.id, { mfaLastTimeStep: String(step) });
        this.describeSignIn(realm, account, { method: 'totp' });
        return this.startSession(realm, account, context, { mfaVerified: true });
      }
      const codeHash = hashToken(normalizeRecoveryCode(code));
      if (account.recoveryCodeHashes.includes(codeHash)) {
        const remaining = account.recoveryCodeHashes.filter((hash) => hash !== codeHash);
        await this.accounts.update(realm, account.id, { recoveryCodeHashes: remaining });
        this.describeSignIn(realm, account, { method: 'recovery_code', recovery_codes_left: remaining.length });
        return this.startSession(realm, account, context, { mfaVerified: true });
      }
      return 'wrong_code';
    }

    if (!account.mfaPendingSecretEncrypted) throw new BadRequestException('Set up two-factor authentication first (mfa/enroll)');
    const secret = this.secretBox.decrypt(account.mfaPendingSecretEncrypted);
    const step = this.totp.verify(secret, code, null);
    if (step === null) return 'wrong_code';
    const recoveryCodes = this.totp.createRecoveryCodes();
    await this.accounts.update(realm, account.id, {
      mfaEnabled: true,
      mfaSecretEncrypted: account.mfaPendingSecretEncrypted,
      mfaPendingSecretEncrypted: null,
      mfaLastTimeStep: String(step),
      recoveryCodeHashes: recoveryCodes.map((recoveryCode) => hashToken(normalizeRecoveryCode(recoveryCode))),
    });
    this.describeSignIn(realm, account, { method: 'totp', mfa_enrolled: true });
    const pair = await this.startSession(realm, account, context, { mfaVerified: true });
    return { ...pair, recovery_codes: recoveryCodes };
  }

  async refresh(realm: Realm, refreshToken: string): Promise<TokenPairDto> {
    const outcome = await this.rotateRefreshToken(realm, refreshToken);
    if ('pair' in outcome) return outcome.pair;
    throw new UnauthorizedException(
      'reused' in outcome ? 'This refresh token was already used; the session has been ended for safety' : 'The session has ended; sign in again',
    );
  }

  // Returns rather than throws on re-use, so that the revocation commits.
  @Transactional()
  private async rotateRefreshToken(realm: Realm, refreshToken: string): Promise<RefreshOutcome> {
    const presented = this.sessions.parseRefreshToken(refreshToken);
    const session = presented ? await this.sessions.findForUpdate(realm, presented.sessionId) : null;
    const now = this.clock.nowMilliseconds();
    if (!presented || !session || session.revokedAt || session.expiresAt.getTime() <= now) return { invalid: true };

    const presentedHash = hashToken(refreshToken);
    const isCurrent = presented.generation === session.refreshGeneration && presentedHash === session.refreshTokenHash;
    if (!isCurrent) {
      const isPrevious = presented.generation === session.refreshGeneration - 1 && presentedHash === session.previousRefreshTokenHash;
      const withinGrace = session.rotatedAt && now - session.rotatedAt.getTime() <= REFRESH_GRACE_MILLISECONDS;
      if (isPrevious && withinGrace && session.gracePairEncrypted) return { pair: JSON.parse(this.secretBox.decrypt(session.gracePairEncrypted)) as TokenPairDto };
      // A genuine token of an earlier generation: someone kept a copy. End the family.
      if (presented.generation < session.refreshGeneration) {
        await this.sessions.revoke(session.id, 'refresh_token_reused');
        return { reused: true };
      }
      return { invalid: true };
    }

    const accountId = (session.platformUserId ?? session.userId)!;
    const account = await this.accounts.findById(realm, accountId);
    if (!account || account.status !== 'active' || (await this.orgLock(account))) {
      await this.sessions.revoke(session.id, 'account_locked');
      return { invalid: true };
    }
    let pair: TokenPairDto | undefined;
    await this.sessions.rotate(session, (newRefreshToken) => {
      pair = this.tokenPair(realm, account, session.id, newRefreshToken);
      return this.secretBox.encrypt(JSON.stringify(pair));
    });
    return { pair: pair! };
  }

  /** Ends the session named by an access token (even an expired one) or by a refresh token. */
  @Transactional()
  async logout(realm: Realm, credentials: { accessToken?: string; refreshToken?: string }): Promise<void> {
    let sessionId: string | null = null;
    if (credentials.accessToken) {
      try {
        sessionId = this.tokens.verifyAccessToken(realm, credentials.accessToken, { ignoreExpiration: true }).sid ?? null;
      } catch {
        sessionId = null;
      }
    }
    if (!sessionId && credentials.refreshToken) {
      const candidate = this.sessions.parseRefreshToken(credentials.refreshToken)?.sessionId;
      const session = candidate ? await this.sessions.findForUpdate(realm, candidate) : null;
      const hash = hashToken(credentials.refreshToken);
      if (session && (hash === session.refreshTokenHash || hash === session.previousRefreshTokenHash)) sessionId = session.id;
    }
    if (!sessionId) throw new UnauthorizedException('No valid session to sign out of');
    const session = await this.sessions.findForUpdate(realm, sessionId);
    if (!session) throw new UnauthorizedException('No valid session to sign out of');
    await this.sessions.revoke(sessionId, 'logged_out');
    const accountId = (session.platformUserId ?? session.userId)!;
    const ended = await this.signOutHooks.run(realm, accountId);
    const account = await this.accounts.findById(realm, accountId);
    if (account) this.describeSignIn(realm, account, { session_id: sessionId, ...ended });
  }

  async me(principal: Principal): Promise<MeDto> {
    if (principal.profile) {
      const { name, mfaEnabled } = principal.profile;
      return { id: principal.accountId, email: principal.email, name, role: principal.role, mfa_enabled: mfaEnabled, ...(principal.orgId ? { org_id: principal.orgId } : {}) };
    }
    const account = await this.accounts.findById(principal.realm, principal.accountId);
    if (!account) throw new UnauthorizedException('The session has ended; sign in again');
    const orgId = orgIdOf(account);
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      mfa_enabled: account.mfaEnabled,
      ...(orgId ? { org_id: orgId } : {}),
    };
  }

  /** Changes the password and ends every session of the account, this one included. */
  @Transactional()
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.findByIdForUpdate(principal.realm, principal.accountId);
    if (!account) throw new UnauthorizedException('The session has ended; sign in again');
    if (!(await this.passwords.verify(account.passwordHash, currentPassword))) throw new BadRequestException('The current password is not correct');
    if (currentPassword === newPassword) throw new BadRequestException('The new password must differ from the current one');
    await this.setPassword(principal.realm, account.id, newPassword);
    const revoked = await this.sessions.revokeAllForAccount(principal.realm, account.id, 'password_changed');
    this.audit.describe({ target: accountTarget(principal.realm, account), metadata: { sessions_revoked: revoked } });
  }

  @Transactional()
  async acceptInvitation(realm: Realm, token: string, password: string): Promise<void> {
    const accountId = await this.authTokens.consume(realm, 'invitation', token);
    const account = await this.accounts.findByIdForUpdate(realm, accountId);
    if (!account || account.status !== 'invited') throw new BadRequestException('This invitation link is invalid, expired or already used');
    await this.setPassword(realm, accountId, password);
    await this.accounts.update(realm, accountId, { status: 'active' });
    this.describeSignIn(realm, account, {});
  }

  /** Always succeeds from the caller's point of view: whether the e-mail exists is not revealed. */
  @Transactional()
  async requestPasswordReset(realm: Realm, email: string): Promise<void> {
    const account = await this.accounts.findByEmail(realm, email);
    const found = !!account && account.status === 'active';
    this.audit.describe({ actor: accountActor(realm, found ? account : null, email), orgId: found ? orgIdOf(account) : null, metadata: { account_found: found } });
    if (!found) return;
    const token = await this.authTokens.issue(realm, account.id, 'password_reset');
    await this.mail.send(account.email, {
      name: 'password_reset',
      realm,
      recipientName: account.name,
      link: `${this.config.publicUrl}/reset-password?realm=${realm}&token=${encodeURIComponent(token)}`,
    });
  }

  @Transactional()
  async confirmPasswordReset(realm: Realm, token: string, password: string): Promise<void> {
    const accountId = await this.authTokens.consume(realm, 'password_reset', token);
    await this.setPassword(realm, accountId, password);
    const revoked = await this.sessions.revokeAllForAccount(realm, accountId, 'password_reset');
    const account = await this.accounts.findById(realm, accountId);
    if (account) this.describeSignIn(realm, account, { sessions_revoked: revoked });
  }

  /** Sends an invitation for an account created in the current transaction. */
  async invite(realm: Realm, account: Account, organizationName: string | null): Promise<void> {
    const token = await this.authTokens.issue(realm, account.id, 'invitation');
    await this.mail.send(account.email, {
      name: 'invitation',
      realm,
      recipientName: account.name,
      organizationName,
      link: `${this.config.publicUrl}/accept-invite?realm=${realm}&token=${encodeURIComponent(token)}`,
    });
  }

  async hashPassword(password: string): Promise<string> {
    return this.passwords.hash(password);
  }

  private async setPassword(realm: Realm, accountId: string, password: string): Promise<void> {
    await this.accounts.update(realm, accountId, { passwordHash: await this.passwords.hash(password), passwordChangedAt: this.clock.now() });
  }

  @Transactional()
  private async startSession(realm: Realm, account: Account, context: RequestContext, options: { mfaVerified: boolean }): Promise<TokenPairDto> {
    const { session, refreshToken } = await this.sessions.create(realm, account, context, options);
    await this.accounts.update(realm, account.id, { lastLoginAt: this.clock.now() });
    return this.tokenPair(realm, account, session.id, refreshToken);
  }

  private tokenPair(realm: Realm, account: Account, sessionId: string, refreshToken: string): TokenPairDto {
    return {
      access_token: this.tokens.signAccessToken({ realm, sub: account.id, sid: sessionId, role: account.role, orgId: orgIdOf(account) }),
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: this.tokens.accessTokenTtlSeconds,
    };
  }

  private async accountForMfaToken(realm: Realm, mfaToken: string): Promise<Account> {
    const { sub } = this.tokens.verifyMfaToken(realm, mfaToken);
    const account = await this.accounts.findById(realm, sub);
    if (!account || account.status !== 'active') throw new UnauthorizedException('The MFA token is invalid or has expired; sign in again');
    return account;
  }

  /** On public routes the account itself is the actor; its org log gets tenant users' entries. */
  private describeSignIn(realm: Realm, account: Account, metadata: Record<string, unknown>): void {
    this.audit.describe({ actor: accountActor(realm, account, account.email), target: accountTarget(realm, account), orgId: orgIdOf(account), metadata });
  }

  // Written in its own transaction: the refusal rolls the request back, the trace must stay.
  private async recordFailedSignIn(realm: Realm, account: Account | null, email: string | null, reason: string, context: RequestContext): Promise<void> {
    await this.audit.recordSeparately({
      action: realm === 'platform' ? 'platform.login_failed' : 'user.login_failed',
      actor: accountActor(realm, account, email ?? account?.email ?? null),
      orgId: account ? orgIdOf(account) : null,
      metadata: { reason, email_attempted: email ?? account?.email ?? null },
      context,
    });
  }

  private async requiresMfa(realm: Realm, account: Account): Promise<boolean> {
    if (realm === 'platform') return this.config.staffRequire2fa;
    const orgId = orgIdOf(account);
    const organization = orgId ? await this.transactionHost.tx.getRepository(Organization).findOneBy({ id: orgId }) : null;
    return organization?.requireTwoFactor ?? false;
  }

  private async orgLock(account: Account): Promise<string | null> {
    const orgId = orgIdOf(account);
    if (!orgId) return null;
    const organization = await this.transactionHost.tx.getRepository(Organization).findOneBy({ id: orgId });
    return organization ? orgLockMessage(organization.status) : 'Your organization no longer exists';
  }

  private async assertOrgAdmitsSignIn(account: Account): Promise<void> {
    const lock = await this.orgLock(account);
    if (lock) throw new ForbiddenException(lock);
  }
}

function accountActor(realm: Realm, account: Account | null, email: string | null): AuditActor {
  return { type: realm === 'platform' ? 'platform_user' : 'user', id: account?.id ?? null, email };
}

function accountTarget(realm: Realm, account: Account): { type: string; id: string; name: string } {
  return { type: realm === 'platform' ? 'platform_user' : 'user', id: account.id, name: account.email };
}
