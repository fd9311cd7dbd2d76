import { Button, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { OrgDetailDto, OrgUserDto } from '@keel/api-client';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { NothingFound } from '../../../components/ui/query-states';
import { ROLE_LABELS, type Role } from '../../../lib/authorization';
import { formatCount, formatRelative } from '../../../lib/format';
import { useResetUserMfa } from '../api/orgs';
import { useRowConfirmation } from '../hooks/use-row-confirmation';
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
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={`Users of ${org.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Two-factor</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                  <Table.Td ta="right">
                    {member.mfa_enabled && (
                      <Button variant="subtle" color="red" size="compact-sm" onClick={() => resetMfa.ask(member)} aria-label={`Reset two-factor authentication of ${member.email}`}>
                        Reset 2FA
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ConfirmDialog {...resetMfa.dialogProps} title="Reset two-factor authentication" confirmLabel="Reset 2FA">
        <Text size="sm">
          {resetMfa.row?.email} loses their authenticator app and recovery codes, is signed out everywhere and sets two-factor authentication up again at their next
          sign-in. The owners of {org.name} are e-mailed.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
