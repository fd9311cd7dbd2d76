import type {
  AlertRuleDto,
  AnomalyAlertDto,
  BudgetDto,
  CloudAccountDto,
  CostSummaryDto,
  MemberDto,
  MySessionDto,
  OrgDto,
  PaginationDto,
  RecommendationDto,
} from '@keel/api-client';
import { tenantUser } from '../../../testing/api-fixtures';
import type { ApiAnswer } from '../../../testing/mock-api';

// Tenant API answers for the tenant console's specs, with defaults a test overrides only where it matters.

export const API = '/api/v1';
let counter = 0;
const nextId = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

export function ok(body: unknown, status = 200): ApiAnswer {
  return { status, body };
}

/** A page of a paged list, as the API answers it. */
export function listOf<Item>(items: Item[], pagination: Partial<PaginationDto> = {}): ApiAnswer {
  return ok({ items, pagination: { page: 1, limit: 50, total: items.length, next_cursor: null, ...pagination } });
}

export function org(overrides: Partial<OrgDto> = {}): OrgDto {
  return {
    id: tenantUser().org_id!,
    name: 'Acme Corp',
    slug: 'acme',
    plan: 'pro',
    status: 'active',
    require_2fa: false,
    allow_platform_impersonation: true,
    user_count: 4,
    account_count: 2,
    error_count: 0,
    cost_row_count: 1200,
    last_sync_at: '2026-11-30T08:00:00.000Z',
    created_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function cloudAccount(overrides: Partial<CloudAccountDto> = {}): CloudAccountDto {
  return {
    id: nextId(),
    name: 'Production',
    provider: 'aws',
    external_id: '123456789012',
    status: 'connected',
    sync_error: null,
    last_synced_at: '2026-11-30T08:00:00.000Z',
    cost_row_count: 600,
    created_at: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function costSummary(overrides: Partial<CostSummaryDto> = {}): CostSummaryDto {
  return {
    from: '2026-11-28',
    to: '2026-11-30',
    total_cost: 600,
    currency: 'USD',
    latest_data_date: '2026-11-29',
    row_count: 30,
    by_provider: [
      { provider: 'aws', total_cost: 450, row_count: 20 },
      { provider: 'gcp', total_cost: 150, row_count: 10 },
    ],
    by_day: [
      { date: '2026-11-28', total_cost: 250 },
      { date: '2026-11-29', total_cost: 350 },
      { date: '2026-11-30', total_cost: 0 },
    ],
    ...overrides,
  };
}

export function budget(overrides: Partial<BudgetDto> = {}): BudgetDto {
  return {
    id: nextId(),
    name: 'Cloud spend',
    amount: 5000,
    currency: 'USD',
    period: 'monthly',
    account_id: null,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-02T00:00:00.000Z',
    ...overrides,
  };
}

export function alertRule(overrides: Partial<AlertRuleDto> = {}): AlertRuleDto {
  return {
    id: nextId(),
    name: 'Daily spike',
    metric: 'daily_cost',
    threshold: 300,
    enabled: true,
    account_id: null,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-02T00:00:00.000Z',
    ...overrides,
  };
}

export function member(overrides: Partial<MemberDto> = {}): MemberDto {
  return {
    id: nextId(),
    email: 'oscar@acme.example',
    name: 'Oscar Operator',
    role: 'operator',
    status: 'active',
    mfa_enabled: false,
    last_login_at: '2026-11-29T10:00:00.000Z',
    created_at: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function mySession(overrides: Partial<MySessionDto> = {}): MySessionDto {
  return {
    id: nextId(),
    created_at: '2026-11-30T08:00:00.000Z',
    last_used_at: '2026-11-30T09:00:00.000Z',
    expires_at: '2026-12-30T08:00:00.000Z',
    ip: '203.0.113.9',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    current: false,
    ...overrides,
  };
}

export function anomaly(overrides: Partial<AnomalyAlertDto> = {}): AnomalyAlertDto {
  return {
    id: nextId(),
    account_id: nextId(),
    detected_at: '2026-11-29T06:00:00.000Z',
    service: 'Amazon EC2',
    expected_amount: 100,
    actual_amount: 340,
    severity: 'high',
    status: 'open',
    ...overrides,
  };
}

export function recommendation(overrides: Partial<RecommendationDto> = {}): RecommendationDto {
  return {
    id: nextId(),
    account_id: nextId(),
    kind: 'rightsizing',
    title: 'Downsize idle m5.2xlarge instances',
    estimated_monthly_savings: 820,
    status: 'open',
    created_at: '2026-11-20T00:00:00.000Z',
    ...overrides,
  };
}
