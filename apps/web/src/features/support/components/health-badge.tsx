import { Badge } from '@mantine/core';
import { HEALTH_DISPLAY, type HealthClass } from '../utils/health-classes';

/** A tenant's health class: its colour and, always, its name. */
export function HealthBadge({ health }: { health: HealthClass }) {
  const { label, color } = HEALTH_DISPLAY[health];
  return (
    // Never narrower than its label: a cut-off "CRITIC…" would leave only the colour to go by.
    <Badge color={color} autoContrast radius="sm" miw="max-content">
      {label}
    </Badge>
  );
}
