import { Stack, Table, Text } from '@mantine/core';
import type { OrgDetailDto, OrgUserDto } from '@keel/api-client';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { NothingFound } from '../../../components/ui/query-states';
import { ROLE_LABELS, type Role } from '../../../lib/authorization';
import { formatCount, formatRelative } from '../../../lib/format';
import { useResetUserMfa } from '../api/orgs';
import { useRowConfirmation } from '../hooks/use-row-confirmation';
import { DataTable, RowActions, RowButton } from '../../../components/ui/data-table';
import { StatusBadge } from './status-badge';

export function OrgUsersTab({ org }: { org: OrgDetailDto }) {
  const resetMfa = useRowConfirmation(
    useResetUserMfa(org.id),
    (member: OrgUserDto) => member.id,
    (member) => ({ title: 'Two-factor authentication reset', message: `${member.email} sets it up again at their next sign-in.` }),
  );

  if (org.users.length === 0) return <NothingFound title="No users" description={`${org.name} has no users yet.`} />;
  return (
    <Stack gap="sm">
      {org.users.length < org.user_count && (
        <Text size="sm" c="dimmed">
          Showing the first {formatCount(org.users.length)} of {formatCount(org.user_count)} users.
        </Text>
      )}
      <DataTable label={`Users of ${org.name}`} minWidth={720} columns={['User', 'Role', 'Two-factor', 'Last sign-in']} withActions>
        {org.users.map((member) => (
          <Table.Tr key={member.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {member.name}
              </Text>
              <Text size="xs" c="dimmed">
                {member.email}
              </Text>
            </Table.Td>
            <Table.Td>{ROLE_LABELS[member.role as Role] ?? member.role}</Table.Td>
            <Table.Td>{member.mfa_enabled ? <StatusBadge label="Set up" color="teal" /> : <StatusBadge label="Not set up" color="gray" />}</Table.Td>
            <Table.Td>{formatRelative(member.last_login_at)}</Table.Td>
            <RowActions>
              {/* Only someone with an authenticator has anything to reset. */}
              {member.mfa_enabled && (
                <RowButton danger label={`Reset two-factor authentication of ${member.email}`} onClick={() => resetMfa.ask(member)}>
                  Reset 2FA
                </RowButton>
              )}
            </RowActions>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog {...resetMfa.dialogProps} title="Reset two-factor authentication" confirmLabel="Reset 2FA">
        <Text size="sm">
          {resetMfa.row?.email} loses their authenticator app and recovery codes, is signed out everywhere and sets two-factor authentication up again at their next
          sign-in. The owners of {org.name} are e-mailed.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
