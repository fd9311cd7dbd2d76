import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { StaffUserDto } from '@keel/api-client';
import type { PlatformRole } from '@keel/shared';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { UsersIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { useSessionState } from '../../../lib/auth/session-context';
import { ROLE_LABELS } from '../../../lib/authorization';
import { formatDate, formatRelative } from '../../../lib/format';
import { useChangeStaffRole, useDisableStaff, useStaffUsers } from '../api/staff';
import { InviteStaffDialog } from '../components/invite-staff-dialog';
import { DataTable, RowActions, RowButton } from '../../../components/ui/data-table';
import { StatusBadge } from '../components/status-badge';
import { ListPager } from '../../../components/ui/list-pager';
import { usePageParam } from '../hooks/use-page-param';
import { useRowConfirmation } from '../hooks/use-row-confirmation';
import { labelOf, STAFF_STATUS } from '../utils/labels';

const PAGE_SIZE = 50;

const otherRole = (role: PlatformRole): PlatformRole => (role === 'super_admin' ? 'support_admin' : 'super_admin');

export function StaffPage() {
  const [inviteOpened, inviteDialog] = useDisclosure(false);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Staff"
        description="The platform team’s accounts. Keel always keeps at least one active super admin."
        actions={
          <Button leftSection={<UsersIcon />} onClick={inviteDialog.open}>
            Invite staff member
          </Button>
        }
      />
      <StaffList />
      <InviteStaffDialog opened={inviteOpened} onClose={inviteDialog.close} />
    </Stack>
  );
}

function StaffList() {
  const [page, setPage] = usePageParam();
  const staff = useStaffUsers({ page, limit: PAGE_SIZE });
  const session = useSessionState();
  const myId = session.status === 'signed-in' ? session.user.id : null;
  const changeRole = useRowConfirmation(
    useChangeStaffRole(),
    (member: StaffUserDto) => ({ id: member.id, role: otherRole(member.role) }),
    (member) => ({ title: 'Role changed', message: `${member.email} is now a ${ROLE_LABELS[otherRole(member.role)].toLowerCase()}; their sessions have ended.` }),
  );
  const disable = useRowConfirmation(
    useDisableStaff(),
    (member: StaffUserDto) => member.id,
    (member) => ({ title: 'Staff member disabled', message: `${member.email} can no longer sign in.` }),
  );

  if (staff.isPending) return <LoadingState label="Loading staff" />;
  if (staff.isError) return <ErrorState title="Staff could not be loaded" error={staff.error} onRetry={() => void staff.refetch()} />;
  const { items, pagination } = staff.data;
  if (items.length === 0) return <NothingFound title="No staff accounts" description="Invite the first member of the platform team." />;

  return (
    <>
      <DataTable
        label="Staff accounts"
        minWidth={900}
        columns={['Staff member', 'Role', 'Status', 'Two-factor', 'Last sign-in', 'Since']}
        withActions
        footer={<ListPager pagination={pagination} shownCount={items.length} noun={['staff member', 'staff members']} busy={staff.isPlaceholderData} onPage={setPage} />}
      >
        {items.map((member) => {
          const newRole = ROLE_LABELS[otherRole(member.role)].toLowerCase();
          return (
            <Table.Tr key={member.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {member.name}
                  </Text>
                  {member.id === myId && (
                    <Badge size="sm" variant="outline" color="gray.7" radius="sm" tt="none">
                      You
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {member.email}
                </Text>
              </Table.Td>
              <Table.Td>{ROLE_LABELS[member.role]}</Table.Td>
              <Table.Td>
                <StatusBadge {...labelOf(STAFF_STATUS, member.status)} />
              </Table.Td>
              <Table.Td>{member.mfa_enabled ? 'Set up' : 'Not yet'}</Table.Td>
              <Table.Td>{formatRelative(member.last_login_at)}</Table.Td>
              <Table.Td>{formatDate(member.created_at)}</Table.Td>
              <RowActions>
                {member.status !== 'disabled' && (
                  <>
                    <RowButton label={`Make ${member.email} a ${newRole}`} onClick={() => changeRole.ask(member)}>
                      Make {newRole}
                    </RowButton>
                    <RowButton danger label={`Disable ${member.email}`} onClick={() => disable.ask(member)}>
                      Disable
                    </RowButton>
                  </>
                )}
              </RowActions>
            </Table.Tr>
          );
        })}
      </DataTable>
      <ConfirmDialog {...changeRole.dialogProps} title="Change role" confirmLabel="Change role" color="blue">
        <Text size="sm">
          {changeRole.row?.email} becomes a {changeRole.row && ROLE_LABELS[otherRole(changeRole.row.role)].toLowerCase()}
          {changeRole.row?.role === 'super_admin' ? ' and keeps only the support console' : ' with access to everything under Platform'}. Their sessions end;
          they sign in again with the new role.
        </Text>
        {changeRole.row?.id === myId && <SelfWarning />}
      </ConfirmDialog>
      <ConfirmDialog {...disable.dialogProps} title="Disable staff member" confirmLabel="Disable">
        <Text size="sm">
          {disable.row?.email} is signed out everywhere and can no longer sign in.
        </Text>
        {disable.row?.id === myId && <SelfWarning />}
      </ConfirmDialog>
    </>
  );
}

function SelfWarning() {
  return (
    <Text size="sm" fw={700}>
      This is your own account: you will be signed out.
    </Text>
  );
}
