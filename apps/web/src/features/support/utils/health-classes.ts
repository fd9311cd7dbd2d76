import type { MantineColor } from '@mantine/core';
import type { OrgStatus } from '@keel/shared';
import type { TenantHealthRowDto } from '@keel/api-client';

export type HealthClass = TenantHealthRowDto['health'];

/** The order of the stat cards and of the health filter. */
export const HEALTH_CLASSES: readonly HealthClass[] = ['healthy', 'warning', 'critical', 'unknown'];

// SPEC §9: green, yellow, red, grey. A label always goes with the colour, never the colour alone.
// The shades are the ones whose badge text (black or white, by Badge's autoContrast) reaches 4.5:1.
export const HEALTH_DISPLAY: Record<HealthClass, { label: string; color: MantineColor }> = {
  healthy: { label: 'Healthy', color: 'green.6' },
  warning: { label: 'Warning', color: 'yellow.5' },
  critical: { label: 'Critical', color: 'red.8' },
  unknown: { label: 'Unknown', color: 'gray.7' },
};

export const ORG_STATUS_LABELS: Record<OrgStatus, string> = {
  pending: 'Pending approval',
  active: 'Active',
  suspended: 'Suspended',
  rejected: 'Rejected',
  pending_deletion: 'Pending deletion',
  deleting: 'Deleting',
};
