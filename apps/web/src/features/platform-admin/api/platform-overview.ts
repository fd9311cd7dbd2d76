import { getPlatformGrowth, getPlatformStats, getPlatformUsage, getSyncHealth } from '@keel/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { platformKeys, type PageQuery } from './platform-keys';

export const GROWTH_WEEKS = 12;

/** Totals across every organization (the API reads counters, so this stays fast at scale). */
export function usePlatformStats() {
  return useQuery({
    queryKey: platformKeys.stats(),
    queryFn: async ({ signal }) => (await getPlatformStats({ signal, throwOnError: true })).data,
  });
}

/** New organizations per week, oldest first, ending with the current week. */
export function usePlatformGrowth(weeks = GROWTH_WEEKS) {
  return useQuery({
    queryKey: platformKeys.growth(weeks),
    queryFn: async ({ signal }) => (await getPlatformGrowth({ query: { weeks }, signal, throwOnError: true })).data,
  });
}

/** One page of the cloud accounts in the error state, across every org. */
export function useSyncHealth(query: PageQuery) {
  return useQuery({
    queryKey: platformKeys.syncHealth(query),
    queryFn: async ({ signal }) => (await getSyncHealth({ query, signal, throwOnError: true })).data,
    placeholderData: keepPreviousData,
  });
}

/** One page of per-org activity over the last 30 days (newest orgs first). */
export function usePlatformUsage(query: PageQuery) {
  return useQuery({
    queryKey: platformKeys.usage(query),
    queryFn: async ({ signal }) => (await getPlatformUsage({ query, signal, throwOnError: true })).data,
    placeholderData: keepPreviousData,
  });
}
