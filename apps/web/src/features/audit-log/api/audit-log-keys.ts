import type { AuditLogKind, AuditLogQuery } from '../utils/audit-filters';

/** Query keys of the audit logs: invalidate `pages(log)` when something adds entries (an export does). */
export const auditLogKeys = {
  all: (log: AuditLogKind) => ['audit-log', log] as const,
  pages: (log: AuditLogKind) => [...auditLogKeys.all(log), 'page'] as const,
  page: (log: AuditLogKind, query: AuditLogQuery) => [...auditLogKeys.pages(log), query] as const,
};
