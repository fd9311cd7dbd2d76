import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MIN_LENGTH, type Realm } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../lib/api-error';
import { useSession } from '../../../lib/auth/session-context';
import { useChangePassword } from '../api/change-password';
import { validateNewPassword, type NewPasswordErrors } from '../utils/password-rules';

type ChangePasswordDialogProps = { realm: Realm; opened: boolean; onClose: () => void };

/** Current and new password; on success every session of the account ends, this one too. */
export function ChangePasswordDialog({ realm, opened, onClose }: ChangePasswordDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password" centered>
      {/* Mounted only while open, so that every opening starts with empty fields. */}
      {opened && <ChangePasswordForm realm={realm} onCancel={onClose} />}
    </Modal>
  );
}

function ChangePasswordForm({ realm, onCancel }: { realm: Realm; onCancel: () => void }) {
  const session = useSession();
  const changePassword = useChangePassword(realm);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors & { current?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { ...validateNewPassword(newPassword, confirmation), current: currentPassword ? undefined : 'Enter your current password' };
    setErrors(found);
    if (found.password || found.confirmation || found.current) return;
    changePassword.mutate(
      { current_password: currentPassword, new_password: newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Password changed', message: 'Sign in again with your new password.' });
          // The API has ended every session of the account; the sign-in page takes over from here.
          session.end('password-changed');
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Password not changed', message: apiErrorMessage(error) }),
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Changing your password signs you out everywhere, including here.
        </Text>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          data-autofocus
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={errors.current}
          disabled={changePassword.isPending}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the current password' }}
        />
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters`}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={errors.password}
          disabled={changePassword.isPending}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the new password' }}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={errors.confirmation}
          disabled={changePassword.isPending}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the confirmation' }}
        />
        {changePassword.isError && <ErrorAlert>{apiErrorMessage(changePassword.error)}</ErrorAlert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={changePassword.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
