import type { OrgPlan, OrgStatus } from '@keel/shared';

type Label = { label: string; color: string };

// Colours whose light badges keep WCAG AA contrast (Mantine's yellow and orange text do not).
export const ORG_STATUS: Record<OrgStatus, Label> = {
  pending: { label: 'Pending approval', color: 'blue' },
  active: { label: 'Active', color: 'teal' },
  suspended: { label: 'Suspended', color: 'red' },
  rejected: { label: 'Rejected', color: 'gray' },
  pending_deletion: { label: 'Pending deletion', color: 'grape' },
  deleting: { label: 'Deleting', color: 'grape' },
};

export const PLAN: Record<OrgPlan, Label> = {
  free: { label: 'Free', color: 'gray' },
  pro: { label: 'Pro', color: 'blue' },
  enterprise: { label: 'Enterprise', color: 'violet' },
};

export const CLOUD_ACCOUNT_STATUS: Record<string, Label> = {
  connected: { label: 'Connected', color: 'teal' },
  syncing: { label: 'Syncing', color: 'blue' },
  pending: { label: 'Waiting for first sync', color: 'gray' },
  error: { label: 'Sync error', color: 'red' },
};

export const STAFF_STATUS: Record<string, Label> = {
  active: { label: 'Active', color: 'teal' },
  invited: { label: 'Invited', color: 'blue' },
  disabled: { label: 'Disabled', color: 'gray' },
};

export const MAIL_STATUS: Record<string, Label> = {
  outbox: { label: 'Kept in the outbox', color: 'blue' },
  queued: { label: 'Queued', color: 'gray' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export const PROVIDER_LABELS: Record<string, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** A provider's name as people write it; an unknown one as the API spells it. */
export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

/** A value of a status-like field as a label and colour, also for values this console does not know yet. */
export function labelOf(labels: Record<string, Label>, value: string): Label {
  return labels[value] ?? { label: value, color: 'gray' };
}
