import type { AuditEntryDto, AuditLogPageDto, MeDto, TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import type { ApiAnswer } from './mock-api';

// Data shaped like the API's answers, with defaults a test overrides only where it matters.

export const STAFF_PATHS = { refresh: 'POST /api/v1/platform/auth/refresh', me: 'GET /api/v1/platform/auth/me' } as const;
export const TENANT_PATHS = { refresh: 'POST /api/v1/auth/refresh', me: 'GET /api/v1/auth/me' } as const;

let tokenCounter = 0;

export function tokens(overrides: Partial<TokenPairDto> = {}): TokenPairDto {
  tokenCounter += 1;
  return { access_token: `access-token-${tokenCounter}`, token_type: 'Bearer', expires_in: 900, ...overrides };
}

export function staffUser(role: 'super_admin' | 'support_admin' = 'super_admin', overrides: Partial<MeDto> = {}): MeDto {
  const name = role === 'super_admin' ? 'Sasha Super' : 'Sam Support';
  return { id: '11111111-1111-4111-8111-111111111111', email: `${role}@keel.test`, name, role, mfa_enabled: true, ...overrides };
}

export function tenantUser(role: 'owner' | 'admin' | 'operator' | 'viewer' = 'owner', overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    email: `${role}@acme.example`,
    name: `${role[0].toUpperCase()}${role.slice(1)} Person`,
    role,
    mfa_enabled: false,
    org_id: '33333333-3333-4333-8333-333333333333',
    ...overrides,
  };
}

/**
 * A tab that was signed in before this page load: the realm hint is in localStorage and the API
 * renews the cookie session. Spread the routes into `mockApi`.
 */
/**
 * The tenant dashboard's first call, answered with an org that has nothing yet: the page shows its
 * empty state and asks for nothing more. For specs that open `/app` to test something else.
 */
export function emptyTenantHome(): Record<string, ApiAnswer> {
  return {
    'GET /api/v1/org': {
      status: 200,
      body: {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Acme Corp',
        slug: 'acme',
        plan: 'pro',
        status: 'active',
        require_2fa: false,
        allow_platform_impersonation: true,
        user_count: 1,
        account_count: 0,
        error_count: 0,
        cost_row_count: 0,
        last_sync_at: null,
        created_at: '2026-01-01T00:00:00.000Z',
      },
    },
  };
}

export function restoredSession(realm: Realm, user: MeDto): Record<string, ApiAnswer> {
  window.localStorage.setItem('keel.session-realm', realm);
  const paths = realm === 'platform' ? STAFF_PATHS : TENANT_PATHS;
  return { [paths.refresh]: { status: 200, body: tokens() }, [paths.me]: { status: 200, body: user } };
}

let entryCounter = 0;

export function auditEntry(overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  entryCounter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(entryCounter).padStart(12, '0')}`,
    seq: 1000 - entryCounter,
    action: 'platform.login',
    created_at: '2026-11-30T09:15:00.000Z',
    actor: { type: 'platform_user', id: staffUser().id, email: staffUser().email },
    target: null,
    org_id: null,
    impersonation_id: null,
    metadata: {},
    ip_address: '203.0.113.7',
    user_agent: 'Mozilla/5.0',
    request_id: `request-${entryCounter}`,
    ...overrides,
  };
}

export function auditPage(entries: AuditEntryDto[], pagination: Partial<AuditLogPageDto['pagination']> = {}): ApiAnswer {
  return {
    status: 200,
    body: { entries, pagination: { page: 1, limit: 50, total: entries.length, total_estimated: false, next_cursor: null, ...pagination } },
  };
}
