import { Button, Stack, Text } from '@mantine/core';
import type { OrgDetailDto } from '@keel/api-client';
import { Link } from 'react-router';
import { ListIcon } from '../../../components/ui/icons';
import { paths } from '../../../lib/paths';

/**
 * The org's entries in the platform log. The audit log page already filters by organization
 * (`?org=<id>`), with paging, details and CSV export, so this tab leads there rather than
 * showing a second copy of that view.
 */
export function OrgAuditTab({ org }: { org: OrgDetailDto }) {
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">
        Everything platform staff did to {org.name} (plan changes, suspensions, support sessions, deletions…) is in the platform audit log.
      </Text>
      <Button component={Link} to={`${paths.platformAuditLog}?${new URLSearchParams({ org: org.id })}`} variant="default" leftSection={<ListIcon />}>
        Open this organization’s audit entries
      </Button>
    </Stack>
  );
}
