import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'keel:audit-action';
export const AUDIT_OPT_OUT = 'keel:audit-opt-out';

/** Declares the audit action a mutating route records (written by the audit interceptor in the route's transaction). */
export const Audit = (action: string) => SetMetadata(AUDIT_ACTION, action);

/** A mutating route that changes no state worth auditing; the reason is kept for review. */
export const NoAudit = (reason: string) => SetMetadata(AUDIT_OPT_OUT, reason);
