import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreateApiKeyDto, CreatedApiKeyDto } from '@keel/api-client';
import type { PlatformRole } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../lib/authorization';
import { useCreateApiKey } from '../api/create-api-key';
import { endOfLocalDay, isAfterToday, localDateInputValue } from '../utils/expiry-date';
import { DialogFormFooter, FormDialog } from '../../../components/ui/form-dialog';

const NAME_MAX_LENGTH = 100;

const ROLE_OPTIONS: { value: PlatformRole; label: string }[] = [
  { value: 'support_admin', label: `${ROLE_LABELS.support_admin}: the support console only` },
  { value: 'super_admin', label: `${ROLE_LABELS.super_admin}: everything under /platform` },
];

type CreateApiKeyDialogProps = { opened: boolean; onClose: () => void; onCreated: (apiKey: CreatedApiKeyDto) => void };

export function CreateApiKeyDialog({ opened, onClose, onCreated }: CreateApiKeyDialogProps) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Create API key">
      <CreateApiKeyForm onCancel={onClose} onCreated={onCreated} />
    </FormDialog>
  );
}

function CreateApiKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (apiKey: CreatedApiKeyDto) => void }) {
  const createKey = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PlatformRole>('support_admin');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<{ name?: string; expiresOn?: string }>({});
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : 'Name the key after what uses it',
      expiresOn: expiresOn && !isAfterToday(expiresOn) ? 'Choose a day after today' : undefined,
    };
    setErrors(found);
    if (found.name || found.expiresOn) return;
    const body: CreateApiKeyDto = { name: name.trim(), role, ...(expiresOn ? { expires_at: endOfLocalDay(expiresOn) } : {}) };
    createKey.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', title: 'API key created', message: `${created.name} works from now on.` });
        onCreated(created);
      },
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="What uses the key, so that you recognise it later"
          placeholder="Billing sync"
          required
          maxLength={NAME_MAX_LENGTH}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <NativeSelect
          label="Role"
          description="The key acts with this role. Give it the least it needs."
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as PlatformRole)}
        />
        <TextInput
          label="Expires on"
          description="Optional. The key works until the end of this day (your time zone); empty means it never expires."
          type="date"
          min={localDateInputValue(tomorrow)}
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.currentTarget.value)}
          error={errors.expiresOn}
        />
        <DialogFormFooter submitLabel="Create key" pending={createKey.isPending} error={createKey.error} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
