import { NativeSelect, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PLATFORM_ROLES, type PlatformRole } from '@keel/shared';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../lib/authorization';
import { useInviteStaff } from '../api/staff';
import { DialogForm } from '../../../components/ui/form-dialog';
import { FormDialog } from '../../../components/ui/form-dialog';

const ROLE_OPTIONS = PLATFORM_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function InviteStaffDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Invite staff member">
      <InviteStaffForm onClose={onClose} />
    </FormDialog>
  );
}

function InviteStaffForm({ onClose }: { onClose: () => void }) {
  const invite = useInviteStaff();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  // The narrower role by default: support staff are the usual invitees.
  const [role, setRole] = useState<PlatformRole>('support_admin');
  const [errors, setErrors] = useState<{ email?: string; name?: string }>({});

  function submit() {
    const body = { email: email.trim(), name: name.trim(), role };
    const found = { email: EMAIL.test(body.email) ? undefined : 'Enter an e-mail address', name: body.name ? undefined : 'Enter their name' };
    setErrors(found);
    if (found.email || found.name) return;
    invite.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', title: 'Invitation sent', message: `${created.email} can set a password from the link in their e-mail (valid 72 hours).` });
        onClose();
      },
    });
  }

  return (
    <DialogForm submitLabel="Send invitation" onSubmit={submit} onCancel={onClose} pending={invite.isPending} error={invite.error}>
      <Text size="sm">They get an e-mail with a link to choose a password; staff set up two-factor authentication at their first sign-in.</Text>
      <TextInput label="E-mail" type="email" required data-autofocus maxLength={320} value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={errors.email} />
      <TextInput label="Name" required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} />
      <NativeSelect
        label="Role"
        description="Support admins see only the support console"
        data={ROLE_OPTIONS}
        value={role}
        onChange={(event) => setRole(event.currentTarget.value as PlatformRole)}
      />
    </DialogForm>
  );
}
