import type { ListOrgsData } from '@keel/api-client';
import { ORG_PLANS, ORG_STATUSES, type OrgPlan, type OrgStatus } from '@keel/shared';
import { formatSort, parseSort, type Sort } from '../../../lib/sort';

/** The org list's query as the generated client takes it. */
export type OrgListQuery = NonNullable<ListOrgsData['query']>;

/** Every listed column the API sorts on (SPEC §4 and the API's `sort` enum). */
export const ORG_SORT_FIELDS = ['name', 'slug', 'status', 'plan', 'user_count', 'account_count', 'error_count', 'last_sync_at', 'created_at'] as const;
export type OrgSortField = (typeof ORG_SORT_FIELDS)[number];

export const ORG_PAGE_SIZE = 25;
// The API's own default: newest organizations first.
const DEFAULT_SORT: Sort<OrgSortField> = { field: 'created_at', direction: 'descending' };

/** What the org list shows: kept in the address bar, so that a view can be shared or bookmarked. */
export type OrgListView = {
  search: string;
  status: OrgStatus | '';
  plan: OrgPlan | '';
  sort: Sort<OrgSortField>;
  page: number;
};

export function viewFromSearchParams(searchParams: URLSearchParams): OrgListView {
  const status = searchParams.get('status') ?? '';
  const plan = searchParams.get('plan') ?? '';
  const page = Number(searchParams.get('page'));
  return {
    search: searchParams.get('q') ?? '',
    status: (ORG_STATUSES as readonly string[]).includes(status) ? (status as OrgStatus) : '',
    plan: (ORG_PLANS as readonly string[]).includes(plan) ? (plan as OrgPlan) : '',
    sort: parseSort(searchParams.get('sort'), ORG_SORT_FIELDS) ?? DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function viewToSearchParams(view: OrgListView): URLSearchParams {
  const searchParams = new URLSearchParams();
  if (view.search) searchParams.set('q', view.search);
  if (view.status) searchParams.set('status', view.status);
  if (view.plan) searchParams.set('plan', view.plan);
  if (view.sort.field !== DEFAULT_SORT.field || view.sort.direction !== DEFAULT_SORT.direction) searchParams.set('sort', formatSort(view.sort));
  if (view.page > 1) searchParams.set('page', String(view.page));
  return searchParams;
}

export function viewToQuery(view: OrgListView): OrgListQuery {
  return {
    ...(view.search ? { search: view.search } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.plan ? { plan: view.plan } : {}),
    sort: formatSort(view.sort) as OrgListQuery['sort'],
    page: view.page,
    limit: ORG_PAGE_SIZE,
  };
}

export function hasFilters(view: OrgListView): boolean {
  return !!(view.search || view.status || view.plan);
}
