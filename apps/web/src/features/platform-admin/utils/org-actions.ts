import type { OrgStatus } from '@keel/shared';

export type OrgAction = 'approve' | 'reject' | 'enable' | 'restore' | 'plan' | 'requireTwoFactor' | 'contact' | 'disable' | 'delete';

// What the API accepts in each status (409 otherwise): lifecycle moves first, then settings, destructive last.
const ACTIONS_BY_STATUS: Record<OrgStatus, OrgAction[]> = {
  pending: ['approve', 'reject', 'plan', 'requireTwoFactor', 'contact', 'delete'],
  active: ['plan', 'requireTwoFactor', 'contact', 'disable', 'delete'],
  suspended: ['enable', 'plan', 'requireTwoFactor', 'contact', 'delete'],
  // A rejected sign-up only waits to be deleted.
  rejected: ['delete'],
  pending_deletion: ['restore'],
  // Past the grace: the purge job owns it now.
  deleting: [],
};

/** The actions a super_admin can take on an org in this status. */
export function actionsFor(status: OrgStatus): OrgAction[] {
  return ACTIONS_BY_STATUS[status];
}
