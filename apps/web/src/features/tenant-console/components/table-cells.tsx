import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../../lib/format';

/**
 * A state in a table cell ("Connected", "Invited"). Outlined: the text keeps a dark shade of its colour
 * on white (4.5:1); never narrower than its words, which a tight column would otherwise cut off.
 */
export function StatusBadge({ color, variant = 'outline', leftSection, children }: { color: string; variant?: BadgeProps['variant']; leftSection?: ReactNode; children: ReactNode }) {
  return (
    <Badge variant={variant} color={color} leftSection={leftSection} styles={{ label: { overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}

/** A row's name in bold, with a badge that sets it apart ("You", "This browser"). */
export function RowName({ name, badge, title }: { name: string; badge?: string | false; title?: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} title={title}>
        {name}
      </Text>
      {badge && <StatusBadge color="teal.9">{badge}</StatusBadge>}
    </Group>
  );
}

/** "5 minutes ago", with the exact time on hover and for machines; "Never" without a timestamp. */
export function RelativeTime({ timestamp }: { timestamp: string | null }) {
  if (!timestamp) return 'Never';
  return (
    <Text size="sm" component="time" dateTime={timestamp} title={formatDateTime(timestamp)} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(timestamp)}
    </Text>
  );
}
