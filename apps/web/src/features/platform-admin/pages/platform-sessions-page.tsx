import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { ActiveSessionDto } from '@keel/api-client';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { formatCount, formatDateTime, formatRelative } from '../../../lib/format';
import { platformOrgPath } from '../../../lib/paths';
import { useActiveSessions, useRevokeSession } from '../api/sessions';
import { DataTable, RowActions, RowButton } from '../../../components/ui/data-table';
import { useRowConfirmation } from '../hooks/use-row-confirmation';

// The API lists at most this many, newest first.
const SESSIONS_SHOWN = 100;

export function PlatformSessionsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Active sessions" description="Tenant users signed in right now, newest first. Revoking a session signs that device out." />
      <ActiveSessions />
    </Stack>
  );
}

function ActiveSessions() {
  const sessions = useActiveSessions();
  const revoke = useRowConfirmation(
    useRevokeSession(),
    (session: ActiveSessionDto) => session.id,
    (session) => ({ title: 'Session revoked', message: `${session.user_email} is signed out on that device.` }),
  );

  if (sessions.isPending) return <LoadingState label="Loading active sessions" />;
  if (sessions.isError) return <ErrorState title="Active sessions could not be loaded" error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const { items } = sessions.data;
  if (items.length === 0) return <NothingFound title="No active sessions" description="No tenant user is signed in right now." />;

  return (
    <>
      {items.length >= SESSIONS_SHOWN && (
        <Text size="sm" c="dimmed">
          Showing the newest {formatCount(SESSIONS_SHOWN)} sessions.
        </Text>
      )}
      <DataTable label="Active tenant sessions" minWidth={980} columns={['User', 'Organization', 'IP address', 'Device', 'Signed in', 'Expires']} withActions>
        {items.map((session) => (
          <Table.Tr key={session.id}>
            <Table.Td>{session.user_email}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={platformOrgPath(session.org_id)} size="sm">
                {session.org_name}
              </Anchor>
            </Table.Td>
            <Table.Td ff="monospace" fz="sm">
              {session.ip ?? '—'}
            </Table.Td>
            <Table.Td maw={280}>
              <Text size="sm" truncate="end" title={session.user_agent ?? undefined}>
                {session.user_agent ?? 'Unknown'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" title={formatDateTime(session.created_at)}>
                {formatRelative(session.created_at)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" title={formatDateTime(session.expires_at)}>
                {formatRelative(session.expires_at)}
              </Text>
            </Table.Td>
            <RowActions>
              <RowButton danger label={`Revoke the session of ${session.user_email}`} onClick={() => revoke.ask(session)}>
                Revoke
              </RowButton>
            </RowActions>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog {...revoke.dialogProps} title="Revoke session" confirmLabel="Revoke">
        <Text size="sm">
          {revoke.row?.user_email} ({revoke.row?.org_name}) is signed out on this device at once and must sign in again. Their other sessions stay.
        </Text>
      </ConfirmDialog>
    </>
  );
}
