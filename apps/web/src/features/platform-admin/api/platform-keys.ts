import type { OrgListQuery } from '../utils/org-list-params';

/** A page of a paged platform list (SPEC §2: 1-based `page`, `limit`). */
export type PageQuery = { page: number; limit: number };

/**
 * Query keys of the platform console. Every key starts with `platformKeys.all`: a change to an org
 * moves figures on most platform pages (stats, lists, usage), so org mutations invalidate them all.
 */
export const platformKeys = {
  all: ['platform'] as const,
  stats: () => [...platformKeys.all, 'stats'] as const,
  growth: (weeks: number) => [...platformKeys.all, 'growth', weeks] as const,
  orgList: (query: OrgListQuery) => [...platformKeys.all, 'orgs', 'list', query] as const,
  org: (orgId: string) => [...platformKeys.all, 'orgs', 'detail', orgId] as const,
  syncHealth: (query: PageQuery) => [...platformKeys.all, 'sync-health', query] as const,
  usage: (query: PageQuery) => [...platformKeys.all, 'usage', query] as const,
  sessions: () => [...platformKeys.all, 'sessions'] as const,
  staff: () => [...platformKeys.all, 'staff'] as const,
  staffPage: (query: PageQuery) => [...platformKeys.staff(), query] as const,
  outbox: () => [...platformKeys.all, 'outbox'] as const,
};
