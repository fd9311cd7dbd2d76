import { verifyOrgAuditLog, verifyPlatformAuditLog, type AuditVerificationDto } from '@keel/api-client';
import { useMutation } from '@tanstack/react-query';
import type { AuditLogKind } from '../utils/audit-filters';

/** Recomputes the log's hash chain on demand; an action, so never served from a cache. */
export function useVerifyAuditChain(log: AuditLogKind) {
  return useMutation({
    mutationFn: async (): Promise<AuditVerificationDto> => {
      const verify = log === 'platform' ? verifyPlatformAuditLog : verifyOrgAuditLog;
      return (await verify({ throwOnError: true })).data;
    },
  });
}
