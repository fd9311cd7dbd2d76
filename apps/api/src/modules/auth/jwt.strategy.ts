import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Realm } from '@keel/shared';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { SessionsService, type SupportClaims } from './sessions.service';
import { TokenService, type AccessClaims } from './token.service';

function strategyOptions(realm: Realm, tokens: TokenService) {
  return {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    algorithms: ['ES256' as const],
    audience: realm,
    issuer: tokens.issuer,
    // Expiry is checked against the clock service in validate(), so that tests can move time.
    ignoreExpiration: true,
    passReqToCallback: false as const,
    secretOrKeyProvider: (_request: Request, rawToken: string, done: (error: unknown, key?: string | Buffer) => void) => {
      const header = jwt.decode(rawToken, { complete: true })?.header;
      const key = tokens.publicKeyFor(header?.kid);
      if (!key) return done(new UnauthorizedException('Unknown signing key'));
      // jsonwebtoken takes the KeyObject as it is: no PEM to export and parse again on every request.
      done(null, key as unknown as Buffer);
    },
  };
}

const SUPPORT_CLAIMS = ['impersonating', 'imp', 'scope', 'act'] as const;

async function principalFrom(realm: Realm, claims: AccessClaims, clock: ClockService, sessions: SessionsService): Promise<Principal> {
  if (typeof claims.exp !== 'number' || claims.exp <= clock.nowSeconds()) throw new UnauthorizedException('The access token has expired');
  if (typeof claims.sub !== 'string') throw new UnauthorizedException('Malformed access token');
  if (SUPPORT_CLAIMS.some((claim) => claim in claims)) {
    // Fail closed: a support token is a tenant token with every support claim well-formed, never a staff token.
    const support = realm === 'tenant' ? supportClaimsOf(claims) : null;
    if (!support) throw new UnauthorizedException('Malformed support-session token');
    return sessions.principalForSupportSession(claims.sub, support);
  }
  if (typeof claims.sid !== 'string') throw new UnauthorizedException('Malformed access token');
  return sessions.principalFor(realm, { sub: claims.sub, sid: claims.sid });
}

function supportClaimsOf(claims: AccessClaims): SupportClaims | null {
  const { impersonating, imp, scope, act } = claims;
  if (impersonating !== true || typeof imp !== 'string' || !/^[0-9a-f-]{36}$/i.test(imp)) return null;
  if (scope !== 'read_only' && scope !== 'read_write') return null;
  if (!act || typeof act !== 'object' || typeof act.sub !== 'string' || typeof act.email !== 'string') return null;
  return { supportSessionId: imp, scope, actorId: act.sub, actorEmail: act.email };
}

/** Staff access tokens (audience `platform`). */
@Injectable()
export class PlatformJwtStrategy extends PassportStrategy(Strategy, 'platform-jwt') {
  constructor(tokens: TokenService, private readonly clock: ClockService, private readonly sessions: SessionsService) {
    super(strategyOptions('platform', tokens));
  }

  validate(claims: AccessClaims): Promise<Principal> {
    return principalFrom('platform', claims, this.clock, this.sessions);
  }
}

/** Tenant access tokens (audience `tenant`). */
@Injectable()
export class TenantJwtStrategy extends PassportStrategy(Strategy, 'tenant-jwt') {
  constructor(tokens: TokenService, private readonly clock: ClockService, private readonly sessions: SessionsService) {
    super(strategyOptions('tenant', tokens));
  }

  validate(claims: AccessClaims): Promise<Principal> {
    return principalFrom('tenant', claims, this.clock, this.sessions);
  }
}
