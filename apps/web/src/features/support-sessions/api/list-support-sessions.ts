import { listOrgSupportSessions, listSupportSessions } from '@keel/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supportSessionKeys } from './support-session-keys';
import type { SupportSessionConsole, SupportSessionList, SupportSessionListQuery } from './support-session-types';

export function supportSessionListOptions(where: SupportSessionConsole, query: SupportSessionListQuery) {
  return queryOptions({
    queryKey: supportSessionKeys.list(where, query),
    queryFn: async ({ signal }): Promise<SupportSessionList> => {
      if (where === 'support') return (await listSupportSessions({ query, signal, throwOnError: true })).data as SupportSessionList;
      // The org's list is always the caller's own org.
      const { org_id: _alwaysTheCallersOrg, ...orgQuery } = query;
      return (await listOrgSupportSessions({ query: orgQuery, signal, throwOnError: true })).data as SupportSessionList;
    },
    // Keep the current page (and the stat cards) on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** One page of support sessions, newest first, and the counts by status over all of them. */
export function useSupportSessionList(where: SupportSessionConsole, query: SupportSessionListQuery) {
  return useQuery(supportSessionListOptions(where, query));
}
