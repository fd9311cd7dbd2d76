import { ORG_STATUSES, type OrgStatus } from '@keel/shared';
import type { ListTenantHealthData } from '@keel/api-client';
import { HEALTH_CLASSES, type HealthClass } from './health-classes';

/** The query of one page of the list, as the generated client takes it. */
export type TenantHealthQuery = NonNullable<ListTenantHealthData['query']>;
export type TenantHealthSort = NonNullable<TenantHealthQuery['sort']>;
export type SortField = 'name' | 'health' | 'api_calls_24h' | 'error_rate' | 'last_seen_at';

export const PAGE_SIZE = 25;

/** What the list shows; it lives in the address bar, so that a link shows a colleague the same view. */
export type TenantHealthFilters = {
  search: string;
  health: HealthClass | '';
  status: OrgStatus | '';
  sort: TenantHealthSort;
  /** 1-based. */
  page: number;
};

// The API's default: the worst health first.
const DEFAULT_SORT: TenantHealthSort = 'health';

export const NO_FILTERS: TenantHealthFilters = { search: '', health: '', status: '', sort: DEFAULT_SORT, page: 1 };

// The direction a column sorts in when first clicked: what a person looks for first (busiest, worst, latest).
const FIRST_SORT: Record<SortField, TenantHealthSort> = {
  name: 'name',
  health: 'health',
  api_calls_24h: '-api_calls_24h',
  error_rate: '-error_rate',
  last_seen_at: '-last_seen_at',
};

const SORTS = Object.keys(FIRST_SORT).flatMap((field) => [field, `-${field}`]) as TenantHealthSort[];

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

export function filtersFromSearchParams(searchParams: URLSearchParams): TenantHealthFilters {
  const page = Number(searchParams.get('page'));
  return {
    search: searchParams.get('search') ?? '',
    health: oneOf(HEALTH_CLASSES, searchParams.get('health')),
    status: oneOf(ORG_STATUSES, searchParams.get('status')),
    sort: oneOf(SORTS, searchParams.get('sort')) || DEFAULT_SORT,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function filtersToSearchParams(filters: TenantHealthFilters): URLSearchParams {
  const searchParams = new URLSearchParams();
  if (filters.search) searchParams.set('search', filters.search);
  if (filters.health) searchParams.set('health', filters.health);
  if (filters.status) searchParams.set('status', filters.status);
  if (filters.sort !== DEFAULT_SORT) searchParams.set('sort', filters.sort);
  if (filters.page > 1) searchParams.set('page', String(filters.page));
  return searchParams;
}

export function filtersToQuery(filters: TenantHealthFilters): TenantHealthQuery {
  const query: TenantHealthQuery = { limit: PAGE_SIZE, page: filters.page };
  if (filters.search) query.search = filters.search;
  if (filters.health) query.health = filters.health;
  if (filters.status) query.status = filters.status;
  if (filters.sort !== DEFAULT_SORT) query.sort = filters.sort;
  return query;
}

export function hasFilters(filters: TenantHealthFilters): boolean {
  return !!(filters.search || filters.health || filters.status);
}

/** The column a sort orders by, and whether it runs downwards (`-field`). */
export function readSort(sort: TenantHealthSort): { field: SortField; descending: boolean } {
  return { field: sort.replace(/^-/, '') as SortField, descending: sort.startsWith('-') };
}

/** Clicking a column header: the same column flips its direction; another starts in its first direction. */
export function nextSort(current: TenantHealthSort, field: SortField): TenantHealthSort {
  const { field: currentField, descending } = readSort(current);
  if (currentField !== field) return FIRST_SORT[field];
  return (descending ? field : `-${field}`) as TenantHealthSort;
}
