import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../../../lib/format';
import { supportSessionPath } from '../../../lib/paths';
import type { SupportSession, SupportSessionConsole } from '../api/support-session-types';
import { scopesLabel } from '../utils/support-session-labels';
import { SupportSessionStatusBadge } from './support-session-status-badge';

type SupportSessionsTableProps = {
  sessions: SupportSession[];
  /** Staff see every tenant's sessions, with a Tenant column; an org sees only its own. */
  where: SupportSessionConsole;
};

/** Support sessions, one a row, each leading to its page with the access log. */
export function SupportSessionsTable({ sessions, where }: SupportSessionsTableProps) {
  const withTenant = where === 'support';
  return (
    <Table.ScrollContainer minWidth={withTenant ? 1180 : 1020}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Support sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            {withTenant && <Table.Th>Tenant</Table.Th>}
            <Table.Th>Acting as</Table.Th>
            <Table.Th>Staff member</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th ta="right">Requests</Table.Th>
            <Table.Th>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <SupportSessionStatusBadge status={session.status} />
              </Table.Td>
              {withTenant && (
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {session.org_name}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{session.target_user_email}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{session.platform_user_email}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {scopesLabel(session.scopes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} miw={200} maw={300}>
                  <Text size="sm" lineClamp={2} title={session.reason}>
                    {session.reason}
                  </Text>
                  {session.ticket_ref && (
                    <Text size="xs" c="dimmed">
                      Ticket {session.ticket_ref}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <TimeCell timestamp={session.created_at} />
              </Table.Td>
              <Table.Td>
                <TimeCell timestamp={session.expires_at} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatCount(session.request_count)}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  component={Link}
                  to={supportSessionPath(session.id, where)}
                  variant="default"
                  size="compact-sm"
                  aria-label={`Details of the session of ${session.platform_user_email} issued ${formatDateTime(session.created_at)}`}
                >
                  Details
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TimeCell({ timestamp }: { timestamp: string }) {
  return (
    <Text size="sm" component="time" dateTime={timestamp} style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(timestamp)}
    </Text>
  );
}
