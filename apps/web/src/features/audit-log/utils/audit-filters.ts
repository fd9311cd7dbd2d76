import type { ListPlatformAuditLogData } from '@keel/api-client';

/** Which log a page shows: the platform's (super_admin) or the signed-in user's organization's. */
export type AuditLogKind = 'platform' | 'org';

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

/** The filters as a person sets them; dates are whole days (YYYY-MM-DD) in their own time zone. */
export type AuditFilters = {
  action: string;
  actorId: string;
  orgId: string;
  from: string;
  to: string;
  pageSize: number;
};

export type AuditFilterErrors = Partial<Record<'action' | 'actorId' | 'orgId' | 'to', string>>;

/** The query of one page, as the generated client takes it (the org log simply has no org_id). */
export type AuditLogQuery = NonNullable<ListPlatformAuditLogData['query']>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_]+\.[a-z_.]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The filters live in the address bar, so that a link (or a return after signing in again) shows the same entries.
const PARAMETERS = { action: 'action', actorId: 'actor', orgId: 'org', from: 'from', to: 'to', pageSize: 'size' } as const;

export const NO_FILTERS: AuditFilters = { action: '', actorId: '', orgId: '', from: '', to: '', pageSize: DEFAULT_PAGE_SIZE };

export function filtersFromSearchParams(searchParams: URLSearchParams): AuditFilters {
  const pageSize = Number(searchParams.get(PARAMETERS.pageSize));
  return {
    action: searchParams.get(PARAMETERS.action) ?? '',
    actorId: searchParams.get(PARAMETERS.actorId) ?? '',
    orgId: searchParams.get(PARAMETERS.orgId) ?? '',
    from: searchParams.get(PARAMETERS.from) ?? '',
    to: searchParams.get(PARAMETERS.to) ?? '',
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const searchParams = new URLSearchParams();
  for (const key of ['action', 'actorId', 'orgId', 'from', 'to'] as const) {
    if (filters[key]) searchParams.set(PARAMETERS[key], filters[key]);
  }
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) searchParams.set(PARAMETERS.pageSize, String(filters.pageSize));
  return searchParams;
}

export function hasFilters(filters: AuditFilters): boolean {
  return !!(filters.action || filters.actorId || filters.orgId || filters.from || filters.to);
}

/** The checks the API makes, made first so that a typo gets a message beside its field instead of a 400. */
export function validateFilters(filters: AuditFilters): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  if (filters.action && !ACTION.test(filters.action)) errors.action = 'Enter an action name such as platform.login';
  if (filters.actorId && !UUID.test(filters.actorId)) errors.actorId = 'Enter a complete ID (a UUID)';
  if (filters.orgId && !UUID.test(filters.orgId)) errors.orgId = 'Enter a complete ID (a UUID)';
  if (filters.from && filters.to && filters.to < filters.from) errors.to = 'The end date is before the start date';
  return errors;
}

/** The API's query for the filters (every page, or the CSV export when `cursor` and `limit` are left out). */
export function filtersToQuery(log: AuditLogKind, filters: AuditFilters): AuditLogQuery {
  const query: AuditLogQuery = {};
  if (filters.action) query.action = filters.action;
  if (filters.actorId) query.actor_id = filters.actorId;
  if (log === 'platform' && filters.orgId) query.org_id = filters.orgId;
  // Whole local days: `from` at its first instant, `to` up to (not including) the next day's first.
  if (DAY.test(filters.from)) query.from = startOfLocalDay(filters.from).toISOString();
  if (DAY.test(filters.to)) query.to = startOfLocalDay(filters.to, 1).toISOString();
  return query;
}

function startOfLocalDay(day: string, addDays = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + addDays);
}
