import { getOrgSupportSession, getSupportSession } from '@keel/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supportSessionKeys } from './support-session-keys';
import type { AccessLogQuery, SupportSessionConsole, SupportSessionDetail } from './support-session-types';

// While a session is active its access log grows: read it again now and then.
const ACTIVE_REFRESH_MILLISECONDS = 15_000;

export function supportSessionOptions(where: SupportSessionConsole, id: string, query: AccessLogQuery) {
  return queryOptions({
    queryKey: supportSessionKeys.detail(where, id, query),
    queryFn: async ({ signal }): Promise<SupportSessionDetail> => {
      const get = where === 'support' ? getSupportSession : getOrgSupportSession;
      return (await get({ path: { id }, query, signal, throwOnError: true })).data as SupportSessionDetail;
    },
    // Another page of the access log: keep the session on screen meanwhile.
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data?.status === 'active' ? ACTIVE_REFRESH_MILLISECONDS : false),
  });
}

/** One support session, its timing, and one page of its access log (newest request first). */
export function useSupportSession(where: SupportSessionConsole, id: string, query: AccessLogQuery) {
  return useQuery(supportSessionOptions(where, id, query));
}
