import { Button, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MemberDto } from '@keel/api-client';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useSession } from '../../../lib/auth/session-context';
import { ROLE_LABELS } from '../../../lib/authorization';
import { useChangeMemberRole, useInviteMember, useMembers, useRemoveMember } from '../api/members';
import { useTransferOwnership } from '../api/org';
import { ChangeRoleDialog, InviteMemberDialog } from '../components/members/member-dialogs';
import { ListPager } from '../../../components/ui/list-pager';
import { ResourceTable } from '../components/org-resource/resource-table';
import { RelativeTime, RowName, StatusBadge } from '../components/table-cells';
import { usePageParam } from '../hooks/use-page-param';
import { useTenantUser } from '../hooks/use-tenant-user';

type Action = { kind: 'role' | 'remove' | 'transfer'; member: MemberDto } | null;

const STATUS_COLORS: Record<MemberDto['status'], string> = { active: 'teal.9', invited: 'blue.9', disabled: 'gray.7' };

export function MembersPage() {
  const session = useSession();
  const { user, may } = useTenantUser();
  const isOwner = may('orgOwnership');
  const [page, setPage] = usePageParam();
  const members = useMembers(page);
  const invite = useInviteMember();
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const transfer = useTransferOwnership();
  const [inviting, setInviting] = useState(false);
  const [action, setAction] = useState<Action>(null);

  function open(next: Action) {
    for (const mutation of [changeRole, remove, transfer]) mutation.reset();
    setAction(next);
  }

  function done(title: string, message: string) {
    setAction(null);
    notifications.show({ color: 'teal', title, message });
  }

  // Only owners may touch an owner's role or membership; nobody changes their own here (that is ownership transfer).
  const mayManage = (member: MemberDto) => member.id !== user?.id && (isOwner || member.role !== 'owner');

  return (
    <Stack gap="lg">
      <PageHeader
        title="Members"
        description={
          isOwner
            ? 'Who belongs to your organization, and with which role.'
            : 'Who belongs to your organization, and with which role. Only owners can grant or remove the owner role.'
        }
        actions={
          <Button
            onClick={() => {
              invite.reset();
              setInviting(true);
            }}
          >
            Invite member
          </Button>
        }
      />
      {members.isPending ? (
        <LoadingState label="Loading members" />
      ) : members.isError ? (
        <ErrorState title="Members could not be loaded" error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <ResourceTable
          label="Members"
          items={members.data.items}
          columns={[
            {
              header: 'Name',
              cell: (member) => <RowName name={member.name} badge={member.id === user?.id && 'You'} />,
            },
            { header: 'E-mail', cell: (member) => member.email },
            { header: 'Role', cell: (member) => ROLE_LABELS[member.role] },
            {
              header: 'Status',
              cell: (member) => (
                <StatusBadge color={STATUS_COLORS[member.status]}>
                  {member.status === 'invited' ? 'Invited' : member.status === 'active' ? 'Active' : 'Disabled'}
                </StatusBadge>
              ),
            },
            { header: 'Two-factor', cell: (member) => (member.mfa_enabled ? 'On' : 'Off') },
            { header: 'Last sign-in', cell: (member) => <RelativeTime timestamp={member.last_login_at} /> },
          ]}
          actions={(member) =>
            mayManage(member) && (
              <>
                <Button variant="default" size="compact-sm" aria-label={`Change the role of ${member.name}`} onClick={() => open({ kind: 'role', member })}>
                  Change role
                </Button>
                {/* The rarer actions in a menu, so that the table fits beside the e-mail addresses. */}
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button variant="subtle" size="compact-sm" rightSection={<ChevronDownIcon size={14} />} aria-label={`More actions for ${member.name}`}>
                      More
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {isOwner && member.status === 'active' && <Menu.Item onClick={() => open({ kind: 'transfer', member })}>Transfer ownership</Menu.Item>}
                    <Menu.Item color="red" onClick={() => open({ kind: 'remove', member })}>
                      Remove from the organization
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </>
            )
          }
          footer={<ListPager noun={['member', 'members']} pagination={members.data.pagination} shownCount={members.data.items.length} busy={members.isPlaceholderData} onPage={setPage} />}
        />
      )}
      <InviteMemberDialog
        opened={inviting}
        onClose={() => setInviting(false)}
        grantsOwner={isOwner}
        pending={invite.isPending}
        error={invite.error}
        onInvite={(body) =>
          invite.mutate(body, {
            onSuccess: (member) => {
              setInviting(false);
              notifications.show({ color: 'teal', title: 'Invitation sent', message: `${member.email} can join once they set a password from the e-mail.` });
            },
          })
        }
      />
      <ChangeRoleDialog
        opened={action?.kind === 'role'}
        onClose={() => setAction(null)}
        member={action?.member ?? null}
        grantsOwner={isOwner}
        pending={changeRole.isPending}
        error={changeRole.error}
        onChange={(role) =>
          action &&
          changeRole.mutate({ id: action.member.id, role }, { onSuccess: (member) => done('Role changed', `${member.name} is now ${ROLE_LABELS[member.role].toLowerCase()}.`) })
        }
      />
      <ConfirmDialog
        opened={action?.kind === 'remove'}
        onClose={() => setAction(null)}
        title="Remove member"
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => action && remove.mutate(action.member.id, { onSuccess: () => done('Member removed', `${action.member.email} no longer belongs to the organization.`) })}
      >
        <Text size="sm">
          Remove <strong>{action?.member.name}</strong> ({action?.member.email})? They lose access at once and their sessions end. This cannot be undone: to come back, they need a new
          invitation.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={action?.kind === 'transfer'}
        onClose={() => setAction(null)}
        title="Transfer ownership"
        confirmLabel="Transfer ownership"
        color="orange"
        pending={transfer.isPending}
        error={transfer.error}
        onConfirm={() =>
          action &&
          transfer.mutate(action.member.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: 'Ownership transferred', message: `${action.member.name} is an owner now and you are an admin. Sign in again.` });
              // The API has ended the sessions of both people: this one is over too.
              session.end('signed-out');
            },
          })
        }
      >
        <Text size="sm">
          Make <strong>{action?.member.name}</strong> an owner? You become an admin and can no longer change the owner-only settings. Both of you are signed out and sign in
          again with the new roles.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
