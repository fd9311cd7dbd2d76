import type { MantineColor } from '@mantine/core';
import type { SupportScope, SupportSession, SupportSessionStatus } from '../api/support-session-types';

/** The order of the stat cards and of the status filter. */
export const SUPPORT_SESSION_STATUSES: readonly SupportSessionStatus[] = ['active', 'revoked', 'expired'];

// A label always goes with the colour. The shades are ones whose badge text (black or white, by autoContrast) reaches 4.5:1.
export const STATUS_DISPLAY: Record<SupportSessionStatus, { label: string; color: MantineColor; hint: string }> = {
  active: { label: 'Active', color: 'green.6', hint: 'Open now' },
  revoked: { label: 'Revoked', color: 'red.8', hint: 'Ended before their time' },
  expired: { label: 'Expired', color: 'gray.7', hint: 'Ran their full time' },
};

export const SCOPE_LABELS: Record<SupportScope, string> = { read_only: 'Read-only', read_write: 'Read and write' };

export const END_REASON_LABELS: Record<NonNullable<SupportSession['end_reason']>, string> = {
  revoked: 'Revoked',
  ended: 'Ended from the support tab',
  expired: 'Expired',
  logged_out: 'The staff member signed out',
};

export function scopesLabel(scopes: SupportScope[]): string {
  return scopes.map((scope) => SCOPE_LABELS[scope]).join(', ');
}
