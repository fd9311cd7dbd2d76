import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { PlatformRole, Realm, TenantRole } from '@keel/shared';

/** Who is calling: set by the access guard once the token, org, session and role checks pass. */
export interface Principal {
  realm: Realm;
  accountId: string;
  sessionId: string;
  email: string;
  role: PlatformRole | TenantRole;
  orgId: string | null;
  mfaVerifiedAt: Date | null;
  /** The account's name and 2FA state, read with the session check (so that `me` needs no query of its own). */
  profile?: { name: string; mfaEnabled: boolean };
  /** Set when an integrator's API key calls (SPEC §11): `accountId` is then the key's id. */
  apiKey?: { id: string; name: string };
  /** Set when a staff member acts as this user through a support session (SPEC §6). */
  impersonation?: Impersonation;
}

/** Who really acts under a support session, and how far they may go. */
export interface Impersonation {
  /** The support session's id (the token's `imp`). */
  id: string;
  scope: 'read_only' | 'read_write';
  /** The staff member (the token's `act` claim). */
  actorId: string;
  actorEmail: string;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
  // Reaching a handler without a principal means a route lost its access rule: fail closed.
  if (!principal) throw new Error('No authenticated principal on a protected route');
  return principal;
});
