import { Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../../lib/format';

type TimestampProps = { value: string | null; relative?: boolean; empty?: string };

/**
 * A table cell's point in time: the date and time, or with `relative` "5 minutes ago" (the exact
 * time on hover); `empty` when there is none.
 */
export function Timestamp({ value, relative = false, empty = '—' }: TimestampProps) {
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Text size="sm" component="time" dateTime={value} title={relative ? formatDateTime(value) : undefined} style={{ whiteSpace: 'nowrap' }}>
      {relative ? formatRelative(value) : formatDateTime(value)}
    </Text>
  );
}
