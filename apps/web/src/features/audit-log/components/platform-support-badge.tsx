import { Badge } from '@mantine/core';

/** Marks an org-log entry made by the platform's staff rather than by one of the org's users. */
export function PlatformSupportBadge() {
  return (
    <Badge color="grape" variant="light" size="sm" radius="sm">
      Platform Support
    </Badge>
  );
}
