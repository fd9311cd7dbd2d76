import { Badge } from '@mantine/core';

/** A state (org status, plan, account status…) as a coloured label; the label alone carries the meaning. */
export function StatusBadge({ label, color, variant = 'light' }: { label: string; color: string; variant?: 'light' | 'outline' }) {
  return (
    // On the lightest shade the label (shade 9) keeps WCAG AA contrast in every colour; Mantine's shade 1 fails for teal.
    <Badge component="span" color={color} variant={variant} bg={variant === 'light' ? `${color}.0` : undefined} radius="sm" tt="none" style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Badge>
  );
}
