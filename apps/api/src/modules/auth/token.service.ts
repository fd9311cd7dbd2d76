import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt, { JsonWebTokenError, type VerifyOptions } from 'jsonwebtoken';
import type { Realm } from '@keel/shared';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { isEs256Key } from '../../config/signing-keys';

export interface AccessClaims {
  iss: string;
  aud: Realm;
  sub: string;
  /** The session (refresh-token family); absent from support-session tokens, which carry `imp`. */
  sid?: string;
  role: string;
  org_id?: string;
  iat: number;
  exp: number;
  // Support-session tokens only (SPEC §6).
  impersonating?: boolean;
  imp?: string;
  scope?: string;
  /** RFC 8693 actor claim: the staff member acting as `sub`. */
  act?: { sub?: unknown; email?: unknown };
}

export interface MfaClaims {
  sub: string;
  purpose: 'mfa';
  realm: Realm;
}

const MFA_TOKEN_TTL_SECONDS = 300;
const mfaAudience = (realm: Realm) => `${realm}-mfa`;

/**
 * Signs and checks Keel's JWTs: ES256, with a `kid` published at /.well-known/jwks.json. The current
 * key signs; it and every previous key (JWT_PREVIOUS_PUBLIC_KEYS) verify, chosen by the token's `kid`.
 */
@Injectable()
export class TokenService {
  private readonly privateKey: KeyObject;
  /** The signing key's public half first, then the previous keys, by key id. */
  private readonly verificationKeys: ReadonlyMap<string, KeyObject>;
  readonly keyId: string;

  constructor(private readonly config: AppConfig, private readonly clock: ClockService) {
    this.privateKey = createPrivateKey(config.jwtPrivateKeyPem);
    if (!isEs256Key(this.privateKey)) throw new Error('JWT_PRIVATE_KEY: must be an EC P-256 key (ES256)');
    const publicKey = createPublicKey(this.privateKey);
    this.keyId = keyIdOf(publicKey);
    this.verificationKeys = new Map([[this.keyId, publicKey], ...config.jwtPreviousPublicKeys.map((key) => [keyIdOf(key), key] as const)]);
  }

  get accessTokenTtlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  signAccessToken(claims: { realm: Realm; sub: string; sid: string; role: string; orgId?: string | null }): string {
    const now = this.clock.nowSeconds();
    const payload: AccessClaims = {
      iss: this.config.jwtIssuer,
      aud: claims.realm,
      sub: claims.sub,
      sid: claims.sid,
      role: claims.role,
      ...(claims.orgId ? { org_id: claims.orgId } : {}),
      iat: now,
      exp: now + this.config.accessTokenTtlSeconds,
    };
    return jwt.sign(payload, this.privateKey, { algorithm: 'ES256', keyid: this.keyId });
  }

  /**
   * A tenant token for `sub` used by a staff member through a support session: `imp` names the
   * session, `act` the staff member (RFC 8693), and it lives exactly as long as the session.
   */
  signSupportToken(claims: { sub: string; role: string; orgId: string; supportSessionId: string; scope: string; actor: { id: string; email: string }; expiresAt: Date }): string {
    const payload: AccessClaims = {
      iss: this.config.jwtIssuer,
      aud: 'tenant',
      sub: claims.sub,
      role: claims.role,
      org_id: claims.orgId,
      impersonating: true,
      imp: claims.supportSessionId,
      scope: claims.scope,
      act: { sub: claims.actor.id, email: claims.actor.email },
      iat: this.clock.nowSeconds(),
      exp: Math.floor(claims.expiresAt.getTime() / 1000),
    };
    return jwt.sign(payload, this.privateKey, { algorithm: 'ES256', keyid: this.keyId });
  }

  /** Short-lived proof that the password was right, exchanged at mfa/enroll and mfa/verify. */
  signMfaToken(realm: Realm, accountId: string): string {
    const now = this.clock.nowSeconds();
    return jwt.sign({ sub: accountId, purpose: 'mfa', realm, iat: now, exp: now + MFA_TOKEN_TTL_SECONDS, aud: mfaAudience(realm), iss: this.config.jwtIssuer }, this.privateKey, {
      algorithm: 'ES256',
      keyid: this.keyId,
    });
  }

  verifyMfaToken(realm: Realm, token: string): MfaClaims {
    try {
      const claims = this.verify<MfaClaims>(token, { audience: mfaAudience(realm) });
      if (claims.purpose !== 'mfa' || claims.realm !== realm) throw new Error('wrong purpose');
      return claims;
    } catch {
      throw new UnauthorizedException('The MFA token is invalid or has expired; sign in again');
    }
  }

  /** Checks signature, issuer and audience; `exp` is checked against the clock service by the caller unless ignored. */
  verifyAccessToken(realm: Realm, token: string, options: { ignoreExpiration: boolean }): AccessClaims {
    return this.verify<AccessClaims>(token, { audience: realm, ignoreExpiration: options.ignoreExpiration });
  }

  /** The key that verifies tokens carrying this `kid`; none for a missing or unknown one (fail closed). */
  publicKeyFor(keyId: string | undefined): KeyObject | undefined {
    return keyId === undefined ? undefined : this.verificationKeys.get(keyId);
  }

  get issuer(): string {
    return this.config.jwtIssuer;
  }

  jwks(): { keys: JsonWebKey[] } {
    return { keys: [...this.verificationKeys].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', alg: 'ES256' })) };
  }

  private verify<Claims>(token: string, options: Pick<VerifyOptions, 'audience' | 'ignoreExpiration'>): Claims {
    const key = this.publicKeyFor(jwt.decode(token, { complete: true })?.header.kid);
    if (!key) throw new JsonWebTokenError('unknown signing key');
    return jwt.verify(token, key, { ...options, algorithms: ['ES256'], issuer: this.config.jwtIssuer, clockTimestamp: this.clock.nowSeconds() }) as Claims;
  }
}

// RFC 7638 JWK thumbprint: a stable key id derived from the public key, so a key keeps its id when it is rotated out.
function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}
