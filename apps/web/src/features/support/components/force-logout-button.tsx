import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { LogoutIcon } from '../../../components/ui/icons';
import { formatCount } from '../../../lib/format';
import { useForceLogoutTenant } from '../api/force-logout-tenant';

type ForceLogoutButtonProps = { orgId: string; orgName: string };

/** Signs every user of the org out everywhere, after a confirmation that says so. */
export function ForceLogoutButton({ orgId, orgName }: ForceLogoutButtonProps) {
  const [opened, setOpened] = useState(false);
  const forceLogout = useForceLogoutTenant();

  function close() {
    setOpened(false);
    forceLogout.reset();
  }

  function confirm() {
    forceLogout.mutate(orgId, {
      onSuccess: ({ revoked_sessions: revoked }) => {
        close();
        notifications.show({
          color: 'teal',
          title: `${formatCount(revoked)} ${revoked === 1 ? 'session' : 'sessions'} revoked`,
          message: `Every user of ${orgName} must sign in again.`,
        });
      },
    });
  }

  return (
    <>
      <Button color="red" leftSection={<LogoutIcon />} onClick={() => setOpened(true)}>
        Force logout
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        title={`Force logout of ${orgName}?`}
        confirmLabel="Force logout"
        color="red"
        onConfirm={confirm}
        pending={forceLogout.isPending}
        error={forceLogout.error}
      >
        <Text size="sm">
          Every session of every user of {orgName} ends at once: their access tokens stop working immediately, on every device, and each of them must sign in
          again. Anything they had not saved may be lost.
        </Text>
      </ConfirmDialog>
    </>
  );
}
