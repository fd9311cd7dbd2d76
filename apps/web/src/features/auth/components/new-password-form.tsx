import { Button, PasswordInput, Stack } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { validateNewPassword, type NewPasswordErrors } from '../utils/password-rules';

type NewPasswordFormProps = {
  submitLabel: string;
  submitting: boolean;
  /** The API's answer to the last attempt, shown above the button. */
  error?: string;
  onSubmit: (password: string) => void;
};

/** Password + confirmation, checked on submit; nothing reaches `onSubmit` until both are valid. */
export function NewPasswordForm({ submitLabel, submitting, error, onSubmit }: NewPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateNewPassword(password, confirmation);
    setErrors(found);
    if (!found.password && !found.confirmation) onSubmit(password);
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters`}
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          disabled={submitting}
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the new password' }}
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={errors.confirmation}
          disabled={submitting}
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the confirmation' }}
        />
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <Button type="submit" loading={submitting} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
