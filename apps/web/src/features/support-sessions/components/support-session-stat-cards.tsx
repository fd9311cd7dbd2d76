import { SimpleGrid } from '@mantine/core';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount } from '../../../lib/format';
import type { SupportSessionList, SupportSessionStatus } from '../api/support-session-types';
import { STATUS_DISPLAY, SUPPORT_SESSION_STATUSES } from '../utils/support-session-labels';

type SupportSessionStatCardsProps = {
  stats: SupportSessionList['stats'];
  /** Where a card's label leads: the list filtered by that status. */
  linkFor: (status: SupportSessionStatus) => string;
};

/** How many sessions are active, revoked and expired, out of all of them (not just the filtered list). */
export function SupportSessionStatCards({ stats, linkFor }: SupportSessionStatCardsProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
      {SUPPORT_SESSION_STATUSES.map((status) => (
        <StatCard key={status} label={STATUS_DISPLAY[status].label} value={formatCount(stats[status])} hint={STATUS_DISPLAY[status].hint} to={linkFor(status)} />
      ))}
    </SimpleGrid>
  );
}
