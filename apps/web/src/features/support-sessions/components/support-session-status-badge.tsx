import { Badge } from '@mantine/core';
import type { SupportSessionStatus } from '../api/support-session-types';
import { STATUS_DISPLAY } from '../utils/support-session-labels';

export function SupportSessionStatusBadge({ status }: { status: SupportSessionStatus }) {
  const { label, color } = STATUS_DISPLAY[status];
  return (
    <Badge color={color} autoContrast radius="sm" miw="max-content">
      {label}
    </Badge>
  );
}
