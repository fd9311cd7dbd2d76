import { Box, SimpleGrid } from '@mantine/core';
import type { FleetHealthDto } from '@keel/api-client';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount } from '../../../lib/format';
import { HEALTH_CLASSES, HEALTH_DISPLAY, type HealthClass } from '../utils/health-classes';

type FleetStatCardsProps = {
  stats: FleetHealthDto;
  /** Where a card's label leads: the list filtered by that health. */
  linkFor: (health: HealthClass) => string;
};

/** How many tenants are in each health class, out of all of them (not just the filtered list). */
export function FleetStatCards({ stats, linkFor }: FleetStatCardsProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      {HEALTH_CLASSES.map((health) => (
        <StatCard
          key={health}
          label={HEALTH_DISPLAY[health].label}
          value={
            <>
              {/* The badge colour beside the number: coloured digits would be too faint in yellow. */}
              <Box component="span" display="inline-block" w={14} h={14} mr={8} bg={HEALTH_DISPLAY[health].color} style={{ borderRadius: '50%' }} aria-hidden="true" />
              {formatCount(stats[health])}
            </>
          }
          hint={`of ${formatCount(stats.total)} ${stats.total === 1 ? 'tenant' : 'tenants'}`}
          to={linkFor(health)}
        />
      ))}
    </SimpleGrid>
  );
}
