import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Realm } from '@keel/shared';
import { ACCESS_RULE, IS_PUBLIC, type AccessRule } from '../decorators/access.decorator';
import type { Principal } from '../decorators/principal.decorator';

const REALM_GUARDS: Record<Realm, Type<IAuthGuard>> = {
  platform: AuthGuard('platform-jwt'),
  tenant: AuthGuard('tenant-jwt'),
};

/**
 * Deny by default. A route is reachable only if it is @Public() or a realm decorator
 * (@PlatformAccess / @TenantAccess) admits the caller. Checks, in SPEC §3 order:
 * token valid (401) → org status (403) → session not revoked (401) → role (403).
 * The first three happen in the realm's passport strategy; the role check here.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly realmGuards = {
    platform: new REALM_GUARDS.platform(),
    tenant: new REALM_GUARDS.tenant(),
  };

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw new ForbiddenException('This route admits nobody');

    await this.realmGuards[rule.realm].canActivate(context);
    const principal = context.switchToHttp().getRequest<Request>().user as Principal;
    if (!rule.roles.includes(principal.role)) {
      throw new ForbiddenException(`This action needs one of the roles: ${rule.roles.join(', ')}`);
    }
    return true;
  }
}
