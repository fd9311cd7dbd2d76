import { Button, Group, Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../lib/api-error';

type FormDialogProps = { opened: boolean; onClose: () => void; title: string; size?: string; children: ReactNode };

/** A dialog around a create form. */
export function FormDialog({ opened, onClose, title, size, children }: FormDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      {/* Mounted only while open, so that every opening starts with empty fields and no old error. */}
      {opened && children}
    </Modal>
  );
}

type FormDialogFooterProps = { submitLabel: string; pending: boolean; error: unknown; onCancel: () => void };

/** The end of a create dialog's form: the API's refusal (e.g. a 400), then Cancel and submit. */
export function FormDialogFooter({ submitLabel, pending, error, onCancel }: FormDialogFooterProps) {
  return (
    <>
      {error != null && <ErrorAlert title={`${submitLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
