import { Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactResultDto, OrgDetailDto } from '@keel/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../../lib/format';
import { DialogForm } from '../../../components/ui/form-dialog';
import { FormDialog } from '../../../components/ui/form-dialog';

// The API's bounds (ContactOrgDto).
const SUBJECT_MAX_LENGTH = 200;
const MESSAGE_MAX_LENGTH = 10_000;

type ContactAdminsDialogProps = {
  org: OrgDetailDto;
  opened: boolean;
  onClose: () => void;
  contact: UseMutationResult<ContactResultDto, Error, { subject: string; message: string }>;
};

/** An e-mail from the platform team to every owner and admin of the org. */
export function ContactAdminsDialog({ org, opened, onClose, contact }: ContactAdminsDialogProps) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Contact admins" size="lg">
      <ContactAdminsForm org={org} onClose={onClose} contact={contact} />
    </FormDialog>
  );
}

function ContactAdminsForm({ org, onClose, contact }: Omit<ContactAdminsDialogProps, 'opened'>) {
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; message?: string }>({});

  function submit() {
    const body = { subject: subject.trim(), message: message.trim() };
    const found = { subject: body.subject ? undefined : 'Enter a subject', message: body.message ? undefined : 'Enter a message' };
    setErrors(found);
    if (found.subject || found.message) return;
    contact.mutate(body, {
      onSuccess: ({ recipients }) => {
        notifications.show(
          recipients === 0
            ? { color: 'yellow', title: 'Nobody to send to', message: `${org.name} has no active owner or admin.` }
            : { color: 'teal', title: 'Message sent', message: `Sent to ${formatCount(recipients)} ${recipients === 1 ? 'recipient' : 'recipients'}.` },
        );
        onClose();
      },
    });
  }

  return (
    <DialogForm submitLabel="Send message" onSubmit={submit} onCancel={onClose} pending={contact.isPending} error={contact.error}>
      <Text size="sm">Every owner and admin of {org.name} gets this by e-mail, from the Keel platform team.</Text>
      <TextInput
        label="Subject"
        required
        data-autofocus
        maxLength={SUBJECT_MAX_LENGTH}
        value={subject}
        onChange={(event) => setSubject(event.currentTarget.value)}
        error={errors.subject}
      />
      <Textarea
        label="Message"
        required
        autosize
        minRows={5}
        maxRows={14}
        maxLength={MESSAGE_MAX_LENGTH}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
        error={errors.message}
        description={`${formatCount(message.length)} of ${formatCount(MESSAGE_MAX_LENGTH)} characters`}
      />
    </DialogForm>
  );
}
