import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PLATFORM_ROLES, TENANT_ROLES, type PlatformRole, type Realm, type TenantRole } from '@keel/shared';
import { ErrorResponseDto } from '../http/error-response.dto';

export const ACCESS_RULE = 'keel:access-rule';
export const IS_PUBLIC = 'keel:public';
export const SUPPORT_SESSION_ACCESS = 'keel:support-session-access';
export const NO_API_KEYS = 'keel:no-api-keys';
export const NO_IDEMPOTENCY = 'keel:no-idempotency';

/** How far a support session (SPEC §6) may use a mutating tenant route. */
export type SupportSessionAccess = 'read_write' | 'any';

export interface AccessRule {
  realm: Realm;
  roles: readonly string[];
}

/** Opts a route out of authentication. Everything else is denied unless a realm decorator admits the caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

function access(realm: Realm, roles: readonly string[]) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { realm, roles } satisfies AccessRule),
    ApiBearerAuth(realm),
    ApiBadRequestResponse({ description: 'Invalid input (body, query or path)', type: ErrorResponseDto }),
    ApiUnauthorizedResponse({ description: 'Missing, expired, revoked or forged token', type: ErrorResponseDto }),
    ApiForbiddenResponse({ description: 'The caller may not use this route', type: ErrorResponseDto }),
  );
}

/**
 * Platform staff (audience `platform`) with one of the given roles; no roles = any staff member.
 * Tenant tokens are refused with 401.
 */
export const PlatformAccess = (...roles: PlatformRole[]) => access('platform', roles.length ? roles : PLATFORM_ROLES);

/**
 * Tenant users (audience `tenant`) with one of the given roles; no roles = any member of the org.
 * Staff tokens are refused with 401.
 */
export const TenantAccess = (...roles: TenantRole[]) => access('tenant', roles.length ? roles : TENANT_ROLES);

/**
 * Opens a mutating tenant route to support sessions: `read_write` ones only, or `any` (a session
 * ending itself). Support sessions may read every tenant route, and change nothing else: fail closed.
 */
export const SupportSessionMay = (access: SupportSessionAccess) => SetMetadata(SUPPORT_SESSION_ACCESS, access);

/**
 * Closes a route (or controller) to API keys with 403: what needs a person with a second factor
 * (staff sign-in, minting support sessions) or could widen a key's own reach (SPEC §11).
 */
export const NoApiKeys = () => SetMetadata(NO_API_KEYS, true);

/**
 * Refuses `Idempotency-Key` with 400 (SPEC §11): sign-in flows, minting support sessions, and
 * creations whose answer holds a secret, which must never be replayed.
 */
export const NoIdempotency = () => SetMetadata(NO_IDEMPOTENCY, true);
