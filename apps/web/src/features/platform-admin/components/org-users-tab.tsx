import { Button, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgDetailDto, OrgUserDto } from '@keel/api-client';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { NothingFound } from '../../../components/ui/query-states';
import { ROLE_LABELS, type Role } from '../../../lib/authorization';
import { formatCount, formatRelative } from '../../../lib/format';
import { useResetUserMfa } from '../api/orgs';
import { StatusBadge } from './status-badge';

export function OrgUsersTab({ org }: { org: OrgDetailDto }) {
  const [resetting, setResetting] = useState<OrgUserDto | null>(null);
  const resetMfa = useResetUserMfa(org.id);

  function close() {
    resetMfa.reset();
    setResetting(null);
  }

  function confirmReset(target: OrgUserDto) {
    resetMfa.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Two-factor authentication reset', message: `${target.email} sets it up again at their next sign-in.` });
        close();
      },
    });
  }

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
                      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setResetting(member)} aria-label={`Reset two-factor authentication of ${member.email}`}>
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
      <ConfirmDialog
        opened={resetting !== null}
        onClose={close}
        title="Reset two-factor authentication"
        confirmLabel="Reset 2FA"
        onConfirm={() => resetting && confirmReset(resetting)}
        pending={resetMfa.isPending}
        error={resetMfa.error}
      >
        <Text size="sm">
          {resetting?.email} loses their authenticator app and recovery codes, is signed out everywhere and sets two-factor authentication up again at their next
          sign-in. The owners of {org.name} are e-mailed.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
