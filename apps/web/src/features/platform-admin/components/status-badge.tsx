import { Badge } from '@mantine/core';

/** A state (org status, plan, account status…) as a coloured label; the label alone carries the meaning. */
export function StatusBadge({ label, color, variant = 'light' }: { label: string; color: string; variant?: 'light' | 'outline' }) {
  return (
    <Badge component="span" color={color} variant={variant} radius="sm" tt="none" style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Badge>
  );
}
