import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../lib/api-error';

type DialogFormProps = {
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  pending: boolean;
  /** The failed attempt's error (400 validation, 409 conflict…), shown in the dialog so the person can correct it. */
  error: unknown;
  /** E.g. while nothing was changed yet. */
  submitDisabled?: boolean;
  children: ReactNode;
};

/** The body of a dialog that edits something (not irreversible: those use ConfirmDialog): fields, the API's error, Cancel and submit. */
export function DialogForm({ submitLabel, onSubmit, onCancel, pending, error, submitDisabled, children }: DialogFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending && !submitDisabled) onSubmit();
  }
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {children}
        {error != null && <ErrorAlert title={`${submitLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
