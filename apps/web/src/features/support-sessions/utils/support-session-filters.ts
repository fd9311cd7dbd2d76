import type { SupportSessionListQuery, SupportSessionStatus } from '../api/support-session-types';
import { SUPPORT_SESSION_STATUSES } from './support-session-labels';

export const SESSIONS_PAGE_SIZE = 25;
export const ACCESS_LOG_PAGE_SIZE = 50;

/** What a session list shows; it lives in the address bar, so that a link shows a colleague the same view. */
export type SupportSessionFilters = {
  status: SupportSessionStatus | '';
  /** Staff only: one organization's sessions. */
  orgId: string;
  /** 1-based. */
  page: number;
};

export const NO_FILTERS: SupportSessionFilters = { status: '', orgId: '', page: 1 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** A 1-based page number from the address; anything else is page 1. */
export function pageFromSearchParams(searchParams: URLSearchParams): number {
  const page = Number(searchParams.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

export function filtersFromSearchParams(searchParams: URLSearchParams): SupportSessionFilters {
  const status = searchParams.get('status') as SupportSessionStatus | null;
  return {
    status: status && SUPPORT_SESSION_STATUSES.includes(status) ? status : '',
    orgId: searchParams.get('org_id') ?? '',
    page: pageFromSearchParams(searchParams),
  };
}

export function filtersToSearchParams(filters: SupportSessionFilters): URLSearchParams {
  const searchParams = new URLSearchParams();
  if (filters.status) searchParams.set('status', filters.status);
  if (filters.orgId) searchParams.set('org_id', filters.orgId);
  if (filters.page > 1) searchParams.set('page', String(filters.page));
  return searchParams;
}

export function filtersToQuery(filters: SupportSessionFilters): SupportSessionListQuery {
  const query: SupportSessionListQuery = { limit: SESSIONS_PAGE_SIZE, page: filters.page };
  if (filters.status) query.status = filters.status;
  if (filters.orgId) query.org_id = filters.orgId;
  return query;
}

export function hasFilters(filters: SupportSessionFilters): boolean {
  return !!(filters.status || filters.orgId);
}
