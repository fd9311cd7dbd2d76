import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { apiErrorMessage } from '../../lib/api-error';
import { ErrorAlert } from './error-alert';

type ConfirmDialogProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in words the person can check before confirming. */
  children: ReactNode;
  confirmLabel: string;
  /** `red` for anything destructive or irreversible. */
  color?: string;
  /** The person must type this text (e.g. an org's slug) before the button enables. */
  typedConfirmation?: string;
  /** Asks for a reason, sent to `onConfirm`; `minLength` 1 makes it required. */
  reason?: { label: string; minLength?: number; maxLength?: number; placeholder?: string };
  onConfirm: (reason: string) => void;
  pending: boolean;
  /** The failed attempt's error, shown in the dialog so the person can correct and retry. */
  error?: unknown;
};

/** The console's one confirmation dialog, before anything irreversible or disruptive (SPEC §9). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      {/* Mounted only while open, so typed text and reasons never leak into the next opening. */}
      {props.opened && <ConfirmDialogBody {...props} />}
    </Modal>
  );
}

function ConfirmDialogBody({ children, confirmLabel, color = 'red', typedConfirmation, reason, onConfirm, onClose, pending, error }: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [reasonText, setReasonText] = useState('');
  const minLength = reason?.minLength ?? 0;
  const ready = (!typedConfirmation || typed === typedConfirmation) && reasonText.trim().length >= minLength;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !pending) onConfirm(reasonText.trim());
      }}
    >
      <Stack gap="md">
        {children}
        {reason && (
          <Textarea
            label={reason.label}
            placeholder={reason.placeholder}
            required={minLength > 0}
            minLength={minLength || undefined}
            maxLength={reason.maxLength}
            autosize
            minRows={2}
            value={reasonText}
            onChange={(event) => setReasonText(event.currentTarget.value)}
            description={minLength > 1 ? `At least ${minLength} characters.` : undefined}
            data-autofocus
          />
        )}
        {typedConfirmation && (
          <TextInput
            label={`Type ${typedConfirmation} to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus={!reason || undefined}
          />
        )}
        {error != null && <ErrorAlert title={`${confirmLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" color={color} disabled={!ready} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
