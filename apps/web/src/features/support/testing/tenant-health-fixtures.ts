import type { FleetHealthDto, PaginationDto, TenantHealthDetailDto, TenantHealthRowDto } from '@keel/api-client';
import type { ApiAnswer } from '../../../testing/mock-api';

// The support API's answers (SPEC §5), with defaults a test overrides only where it matters.

export const TENANT_HEALTH_LIST = 'GET /api/v1/platform/tenants/health';
export const tenantHealthRoute = (orgId: string) => `GET /api/v1/platform/tenants/${orgId}/health`;
export const forceLogoutRoute = (orgId: string) => `POST /api/v1/platform/tenants/${orgId}/force-logout`;

const HOUR = 3_600_000;
let tenantCounter = 0;

export function tenantHealthRow(overrides: Partial<TenantHealthRowDto> = {}): TenantHealthRowDto {
  tenantCounter += 1;
  return {
    org_id: `77777777-7777-4777-8777-${String(tenantCounter).padStart(12, '0')}`,
    name: `Tenant ${tenantCounter}`,
    status: 'active',
    health: 'healthy',
    api_calls_24h: 1200,
    error_rate: 0.5,
    last_seen_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    reason: 'error rate 0.5% over 1200 calls in 24 h',
    ...overrides,
  };
}

export function fleetStats(overrides: Partial<FleetHealthDto> = {}): FleetHealthDto {
  const stats = { healthy: 32, warning: 4, critical: 5, unknown: 9, ...overrides };
  return { ...stats, total: stats.healthy + stats.warning + stats.critical + stats.unknown };
}

export function tenantHealthList(items: TenantHealthRowDto[], { stats = fleetStats(), pagination = {} }: { stats?: FleetHealthDto; pagination?: Partial<PaginationDto> } = {}): ApiAnswer {
  return { status: 200, body: { stats, items, pagination: { page: 1, limit: 25, total: items.length, next_cursor: null, ...pagination } } };
}

/** 48 hourly points ending with the current hour; `calls(index)` gives each hour's calls (0 = oldest). */
export function hourlyPoints(calls: (index: number) => number = () => 50, errors: (index: number) => number = () => 0): TenantHealthDetailDto['hourly'] {
  const currentHour = Math.floor(Date.now() / HOUR) * HOUR;
  return Array.from({ length: 48 }, (_, index) => ({ hour: new Date(currentHour - (47 - index) * HOUR).toISOString(), calls: calls(index), errors: errors(index) }));
}

export function tenantHealthDetail(overrides: Partial<TenantHealthDetailDto> = {}): TenantHealthDetailDto {
  return { ...tenantHealthRow(), errors_24h: 6, baseline_calls_per_day: 1150.5, hourly: hourlyPoints(), ...overrides };
}
