import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { ChevronDownIcon, KeyIcon, LogoutIcon } from '../../components/ui/icons';
import { ChangePasswordDialog } from '../../features/auth/components/change-password-dialog';
import type { SignedInUser } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/session-context';
import { ROLE_LABELS } from '../../lib/authorization';
import type { Realm } from '@keel/shared';

/** Who is signed in, and what they can do about their own account. */
/** `support`: staff acting through a support session, who may not change the user's password and "sign out" by ending the session. */
export function UserMenu({ realm, user, support = false }: { realm: Realm; user: SignedInUser; support?: boolean }) {
  const session = useSession();
  const [passwordDialogOpened, passwordDialog] = useDisclosure(false);
  const signOut = useMutation({
    mutationFn: () => session.signOut(),
    onSuccess: (endedEverywhere) =>
      notifications.show(
        endedEverywhere
          ? { color: 'teal', title: 'Signed out', message: 'Your session has ended.' }
          : { color: 'yellow', title: 'Signed out on this device', message: 'Keel could not be reached to end the session; it expires on its own.' },
      ),
  });

  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <UnstyledButton px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap="sm" wrap="nowrap">
              <Avatar color="blue" radius="xl" size="md" name={user.name} alt="" />
              <div>
                <Text size="sm" fw={600} lh={1.2}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {ROLE_LABELS[user.role]}
                </Text>
              </div>
              <ChevronDownIcon size={16} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{support ? `Acting as ${user.email}` : `Signed in as ${user.email}`}</Menu.Label>
          {!support && (
            <>
              <Menu.Item leftSection={<KeyIcon size={16} />} onClick={passwordDialog.open}>
                Change password
              </Menu.Item>
              <Menu.Divider />
            </>
          )}
          <Menu.Item color="red" leftSection={<LogoutIcon size={16} />} onClick={() => signOut.mutate()}>
            {support ? 'End support session' : 'Sign out'}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordDialog realm={realm} opened={passwordDialogOpened} onClose={passwordDialog.close} />
    </>
  );
}
