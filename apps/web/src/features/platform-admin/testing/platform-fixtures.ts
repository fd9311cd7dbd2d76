import { vi } from 'vitest';
import type { GrowthPointDto, OrgDetailDto, OrgRowDto, PaginationDto, PlatformStatsDto } from '@keel/api-client';
import type { ApiAnswer } from '../../../testing/mock-api';

// Answers shaped like the platform API's, with defaults a test overrides only where it matters.

export const ORG_ID = '55555555-5555-4555-8555-555555555555';

export function ok(body: unknown, status = 200): ApiAnswer {
  return { status, body };
}

export function page<Item>(items: Item[], pagination: Partial<PaginationDto> = {}): ApiAnswer {
  return ok({ items, pagination: { page: 1, limit: 50, total: items.length, next_cursor: null, ...pagination } });
}

export function platformStats(overrides: Partial<PlatformStatsDto> = {}): PlatformStatsDto {
  return { total_organizations: 50, total_users: 360, total_cloud_accounts: 117, total_cost_rows: 42_750, sync_errors: 10, new_orgs_30d: 4, ...overrides };
}

/** Twelve weeks, oldest first, ending with the week of 2026-11-23. */
export function growthPoints(counts: number[] = [1, 0, 2, 0, 3, 1, 0, 0, 4, 2, 1, 5]): GrowthPointDto[] {
  return counts.map((newOrgs, index) => ({ week_start: new Date(Date.UTC(2026, 8, 7 + index * 7)).toISOString().slice(0, 10), new_orgs: newOrgs }));
}

let orgCounter = 0;

export function orgRow(overrides: Partial<OrgRowDto> = {}): OrgRowDto {
  orgCounter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(orgCounter).padStart(12, '0')}`,
    name: `Org ${orgCounter}`,
    slug: `org-${orgCounter}`,
    plan: 'pro',
    status: 'active',
    user_count: 4,
    account_count: 2,
    error_count: 0,
    last_sync_at: '2026-11-30T06:00:00.000Z',
    created_at: '2026-10-01T09:00:00.000Z',
    ...overrides,
  };
}

export function orgDetail(overrides: Partial<OrgDetailDto> = {}): OrgDetailDto {
  return {
    ...orgRow({ id: ORG_ID, name: 'Acme Corp', slug: 'acme' }),
    require_2fa: false,
    allow_platform_impersonation: true,
    cost_row_count: 1_200,
    status_reason: null,
    deletion_scheduled_at: null,
    users: [
      { id: '66666666-6666-4666-8666-666666666661', email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner', mfa_enabled: true, last_login_at: '2026-11-29T10:00:00.000Z' },
      { id: '66666666-6666-4666-8666-666666666662', email: 'viewer@acme.example', name: 'Vera Viewer', role: 'viewer', mfa_enabled: false, last_login_at: null },
    ],
    cloud_accounts: [
      { id: '77777777-7777-4777-8777-777777777771', name: 'Production AWS', provider: 'aws', status: 'connected', sync_error: null, last_synced_at: '2026-11-30T06:00:00.000Z' },
      { id: '77777777-7777-4777-8777-777777777772', name: 'Legacy GCP', provider: 'gcp', status: 'error', sync_error: 'Permission denied on billing export', last_synced_at: null },
    ],
    cost_summary: {
      total_cost: 12_345.67,
      currency: 'USD',
      latest_data_date: '2026-11-29',
      row_count: 1_200,
      by_provider: [
        { provider: 'aws', total_cost: 10_000, row_count: 900 },
        { provider: 'gcp', total_cost: 2_345.67, row_count: 300 },
      ],
    },
    ...overrides,
  };
}

/** jsdom has no layout, so Recharts warns that its charts measure 0×0; the figures are checked through the text tables. */
export function quietChartSizeWarnings(): void {
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((message?: unknown, ...rest: unknown[]) => {
    if (typeof message === 'string' && message.startsWith('The width(0) and height(0) of chart')) return;
    warn(message, ...rest);
  });
}
