import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Type, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Realm } from '@keel/shared';
import { API_KEY_PREFIX, ApiKeysService } from '../../modules/api-keys/api-keys.service';
import { ACCESS_RULE, IS_PUBLIC, NO_API_KEYS, SUPPORT_SESSION_ACCESS, type AccessRule, type SupportSessionAccess } from '../decorators/access.decorator';
import type { Impersonation, Principal } from '../decorators/principal.decorator';

const REALM_GUARDS: Record<Realm, Type<IAuthGuard>> = {
  platform: AuthGuard('platform-jwt'),
  tenant: AuthGuard('tenant-jwt'),
};

/**
 * Deny by default. A route is reachable only if it is @Public() or a realm decorator
 * (@PlatformAccess / @TenantAccess) admits the caller. Checks, in SPEC §3 order:
 * token valid (401) → org status (403) → session not revoked (401) → role (403), then the
 * support-session cap (403). The first three happen in the realm's passport strategy.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly realmGuards = {
    platform: new REALM_GUARDS.platform(),
    tenant: new REALM_GUARDS.tenant(),
  };

  constructor(private readonly reflector: Reflector, private readonly apiKeys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request>();
    const apiKey = bearerApiKey(request);
    if (apiKey && this.reflector.getAllAndOverride<boolean>(NO_API_KEYS, targets)) throw new ForbiddenException('An API key cannot do this: it needs a person signed in');
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw new ForbiddenException('This route admits nobody');

    if (apiKey) {
      if (rule.realm !== 'platform') throw new UnauthorizedException('API keys work on /api/v1/platform only');
      request.user = await this.apiKeys.authenticate(apiKey);
    } else {
      await this.realmGuards[rule.realm].canActivate(context);
    }
    const principal = request.user as Principal;
    if (!rule.roles.includes(principal.role)) {
      throw new ForbiddenException(`This action needs one of the roles: ${rule.roles.join(', ')}`);
    }
    if (principal.impersonation) {
      assertSupportSessionMay(principal.impersonation, request.method, this.reflector.getAllAndOverride<SupportSessionAccess | undefined>(SUPPORT_SESSION_ACCESS, targets));
    }
    return true;
  }
}

/** The integrator's key of `Authorization: Bearer keel_…`, if that is what the request carries. */
function bearerApiKey(request: Request): string | null {
  const match = /^Bearer (keel_\S+)$/.exec(request.headers.authorization ?? '');
  return match && match[1].startsWith(API_KEY_PREFIX) ? match[1] : null;
}

/** A support session reads anything its user may; it changes only what a route opens to it, and only with `read_write`. */
function assertSupportSessionMay(impersonation: Impersonation, method: string, access: SupportSessionAccess | undefined): void {
  if (method === 'GET' || method === 'HEAD' || access === 'any') return;
  if (impersonation.scope !== 'read_write') throw new ForbiddenException('This support session is read-only: it cannot change anything');
  if (access !== 'read_write') throw new ForbiddenException('A support session cannot do this; only the organization’s own users can');
}
