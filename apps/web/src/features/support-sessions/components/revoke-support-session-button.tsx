import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { SupportSession } from '../api/support-session-types';
import { useRevokeSupportSession } from '../api/revoke-support-session';

/** Ends an active session for good, after a confirmation that says what that does; the reason is optional. */
export function RevokeSupportSessionButton({ session }: { session: SupportSession }) {
  const [opened, setOpened] = useState(false);
  const revoke = useRevokeSupportSession(session.id);

  function close() {
    setOpened(false);
    revoke.reset();
  }

  function confirm(reason: string) {
    revoke.mutate(reason, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'teal', title: 'Support session revoked', message: `${session.platform_user_email} can no longer act in ${session.org_name}.` });
      },
    });
  }

  return (
    <>
      <Button color="red" onClick={() => setOpened(true)}>
        Revoke session
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        title="Revoke this support session?"
        confirmLabel="Revoke session"
        color="red"
        reason={{ label: 'Reason (optional)', maxLength: 500, placeholder: 'e.g. The ticket is solved' }}
        onConfirm={confirm}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text size="sm">
          The session&apos;s token stops working at once: {session.platform_user_email} can no longer act as {session.target_user_email} in {session.org_name}, and
          the support tab shows that the session ended. A revoked session cannot be resumed; a new one needs a new reason.
        </Text>
      </ConfirmDialog>
    </>
  );
}
