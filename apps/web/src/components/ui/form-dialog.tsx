import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { apiErrorMessage } from '../../lib/api-error';
import { ErrorAlert } from './error-alert';

type FormDialogProps = { opened: boolean; onClose: () => void; title: string; size?: ModalProps['size']; children: ReactNode };

/** A dialog around a form. Its body is mounted only while open, so every opening starts with fresh fields and no old error. */
export function FormDialog({ opened, onClose, title, size, children }: FormDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      {opened && children}
    </Modal>
  );
}

type DialogFormFooterProps = { submitLabel: string; pending: boolean; error: unknown; onCancel: () => void; submitDisabled?: boolean };

/** The end of a dialog's form: the API's refusal (400, 409…) to correct, then Cancel and submit. */
export function DialogFormFooter({ submitLabel, pending, error, onCancel, submitDisabled }: DialogFormFooterProps) {
  return (
    <>
      {error != null && <ErrorAlert title={`${submitLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

type DialogFormProps = Omit<DialogFormFooterProps, 'onCancel'> & { onSubmit: () => void; onCancel: () => void; children: ReactNode };

/** The body of a dialog that changes something (irreversible changes use ConfirmDialog): fields, then the footer. */
export function DialogForm({ submitLabel, onSubmit, onCancel, pending, error, submitDisabled, children }: DialogFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending && !submitDisabled) onSubmit();
  }
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {children}
        <DialogFormFooter submitLabel={submitLabel} pending={pending} error={error} onCancel={onCancel} submitDisabled={submitDisabled} />
      </Stack>
    </form>
  );
}
