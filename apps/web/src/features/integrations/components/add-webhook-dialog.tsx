import { Checkbox, Code, Radio, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreatedWebhookDto, CreateWebhookDto } from '@keel/api-client';
import { useState, type FormEvent } from 'react';
import { useCreateWebhook } from '../api/create-webhook';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../utils/webhook-events';
import { DialogFormFooter, FormDialog } from '../../../components/ui/form-dialog';

const URL_MAX_LENGTH = 2048;

type PayloadFormat = NonNullable<CreateWebhookDto['payload_format']>;

type AddWebhookDialogProps = { opened: boolean; onClose: () => void; onCreated: (webhook: CreatedWebhookDto) => void };

export function AddWebhookDialog({ opened, onClose, onCreated }: AddWebhookDialogProps) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Add webhook" size="lg">
      <AddWebhookForm onCancel={onClose} onCreated={onCreated} />
    </FormDialog>
  );
}

function AddWebhookForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (webhook: CreatedWebhookDto) => void }) {
  const createWebhook = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [payloadFormat, setPayloadFormat] = useState<PayloadFormat>('keel');
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { url: urlProblem(url.trim()), events: events.length ? undefined : 'Choose at least one event' };
    setErrors(found);
    if (found.url || found.events) return;
    // The API judges the rest (private and loopback targets, …) and its 400 shows below.
    createWebhook.mutate(
      { url: url.trim(), events, payload_format: payloadFormat },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', title: 'Webhook added', message: `Keel sends ${created.events.length === 1 ? 'its event' : 'its events'} to ${created.url} from now on.` });
          onCreated(created);
        },
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label="URL"
          description="Keel POSTs each event here as JSON. Private and loopback addresses are refused."
          placeholder="https://hooks.example.com/keel"
          type="url"
          required
          maxLength={URL_MAX_LENGTH}
          spellCheck={false}
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={errors.url}
          data-autofocus
        />
        <Checkbox.Group label="Events" description="What to send to this URL." required value={events} onChange={(value) => setEvents(value as WebhookEventType[])} error={errors.events}>
          <Stack gap="sm" mt="xs">
            {WEBHOOK_EVENTS.map(({ type, description }) => (
              <Checkbox
                key={type}
                value={type}
                label={<Code>{type}</Code>}
                description={description}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group label="Payload format" value={payloadFormat} onChange={(value) => setPayloadFormat(value as PayloadFormat)}>
          <Stack gap="sm" mt="xs">
            <Radio value="keel" label="Keel" description="Every event as {id, type, created_at, data}." />
            <Radio value="ocsf" label="OCSF" description="audit.entry events as OCSF API Activity events, for a SIEM; other events in Keel's shape." />
          </Stack>
        </Radio.Group>
        <DialogFormFooter submitLabel="Add webhook" pending={createWebhook.isPending} error={createWebhook.error} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function urlProblem(url: string): string | undefined {
  if (!url) return 'Enter the URL that receives the events';
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? undefined : 'Use an http:// or https:// URL';
  } catch {
    return 'Enter a whole URL, such as https://hooks.example.com/keel';
  }
}
