import { listOrgAuditLog, listPlatformAuditLog, type AuditLogPageDto } from '@keel/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditLogKind, AuditLogQuery } from '../utils/audit-filters';
import { auditLogKeys } from './audit-log-keys';

export function auditLogPageOptions(log: AuditLogKind, query: AuditLogQuery) {
  return queryOptions({
    queryKey: auditLogKeys.page(log, query),
    queryFn: async ({ signal }): Promise<AuditLogPageDto> => {
      if (log === 'platform') return (await listPlatformAuditLog({ query, signal, throwOnError: true })).data;
      const { org_id: _notOnTheOrgLog, ...orgQuery } = query;
      return (await listOrgAuditLog({ query: orgQuery, signal, throwOnError: true })).data;
    },
    // Keep the current page on screen while the next one loads, instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

/** One page of entries, newest first: `query.cursor` is the previous page's `next_cursor`. */
export function useAuditLogPage(log: AuditLogKind, query: AuditLogQuery) {
  return useQuery(auditLogPageOptions(log, query));
}
