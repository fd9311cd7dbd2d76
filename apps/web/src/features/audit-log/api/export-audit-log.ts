import { listOrgAuditLog, listPlatformAuditLog } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fileNameFromDisposition, saveFile } from '../../../lib/download';
import type { AuditLogKind, AuditLogQuery } from '../utils/audit-filters';
import { auditLogKeys } from './audit-log-keys';

/**
 * Downloads every entry matching the filters as CSV. Through the generated client (bearer token,
 * renewal on 401) rather than a plain link, which could not carry the token.
 */
export function useExportAuditLog(log: AuditLogKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (query: AuditLogQuery): Promise<string> => {
      const csvQuery = { ...query, format: 'csv' as const };
      const { org_id: _notOnTheOrgLog, ...orgCsvQuery } = csvQuery;
      const { data, response } =
        log === 'platform'
          ? await listPlatformAuditLog({ query: csvQuery, parseAs: 'blob', throwOnError: true })
          : await listOrgAuditLog({ query: orgCsvQuery, parseAs: 'blob', throwOnError: true });
      // parseAs 'blob' makes the client hand over the body as is; the generated type describes the JSON form.
      const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition'), `${log}-audit-log.csv`);
      saveFile(data as unknown as Blob, fileName);
      return fileName;
    },
    // The export itself is audited: the log has a new entry.
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditLogKeys.pages(log) }),
  });
}
