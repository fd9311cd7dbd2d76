import { applyDecorators, SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'keel:audit-action';
export const AUDIT_ORG_ACTION = 'keel:audit-org-action';
export const AUDIT_OPT_OUT = 'keel:audit-opt-out';

/**
 * Declares the audit action a mutating route records. The audit interceptor writes the entry in
 * the route's transaction. `orgAction` names the copy in the org log when it differs.
 */
export const Audit = (action: string, options: { orgAction?: string } = {}) =>
  applyDecorators(SetMetadata(AUDIT_ACTION, action), ...(options.orgAction ? [SetMetadata(AUDIT_ORG_ACTION, options.orgAction)] : []));

/** A mutating route that changes no state worth auditing; the reason is kept for review. */
export const NoAudit = (reason: string) => SetMetadata(AUDIT_OPT_OUT, reason);
