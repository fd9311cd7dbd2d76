import { Button, Code, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreatedWebhookDto, WebhookDto } from '@keel/api-client';
import { WEBHOOK_SIGNATURE_HEADER } from '@keel/shared';
import { useState } from 'react';
import { WebhookIcon } from '../../../components/ui/icons';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { NothingFound } from '../../../components/ui/query-states';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useWebhooks } from '../api/list-webhooks';
import { AddWebhookDialog } from '../components/add-webhook-dialog';
import { ListStates } from '../components/list-states';
import { SecretOnceDialog } from '../components/secret-once-dialog';
import { WebhooksTable } from '../components/webhooks-table';

/** `/platform/webhooks`: URLs that receive signed events, added with a copy-once signing secret (SPEC §11). */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const deleteWebhook = useDeleteWebhook();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookDto | null>(null);
  const [deleting, setDeleting] = useState<WebhookDto | null>(null);

  const addButton = (
    <Button leftSection={<WebhookIcon />} onClick={() => setAdding(true)}>
      Add webhook
    </Button>
  );
  // In the header once there is a list; the empty state holds the same button itself.
  const listed = webhooks.isSuccess && webhooks.data.length > 0;

  function startDeleting(webhook: WebhookDto) {
    deleteWebhook.reset();
    setDeleting(webhook);
  }

  function remove(webhook: WebhookDto) {
    deleteWebhook.mutate(webhook.id, {
      onSuccess: () => {
        setDeleting(null);
        notifications.show({ color: 'teal', title: 'Webhook deleted', message: `Keel sends nothing more to ${webhook.url}.` });
      },
    });
  }

  return (
    <Stack gap="lg">
      <PageHeader title="Webhooks" description="Keel POSTs signed events to these URLs within seconds of a change, and retries failed deliveries for 24 hours." actions={listed ? addButton : undefined} />
      <ListStates
        list={webhooks}
        loadingLabel="Loading webhooks"
        errorTitle="The webhooks could not be loaded"
        empty={
          <NothingFound
            title="No webhooks yet"
            icon={<WebhookIcon size={28} />}
            description="A webhook tells your systems the moment something happens: an organization signs up or changes plan, a tenant turns critical, staff open a support session, or any audit entry is written."
            action={addButton}
          />
        }
      >
        {(items) => <WebhooksTable webhooks={items} onDelete={startDeleting} />}
      </ListStates>
      <AddWebhookDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(webhook) => {
          setAdding(false);
          setCreated(webhook);
        }}
      />
      <SecretOnceDialog secret={created?.secret ?? null} title="Webhook added" label="Signing secret" onClose={() => setCreated(null)}>
        <SignatureNote />
      </SecretOnceDialog>
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete webhook"
        confirmLabel="Delete webhook"
        onConfirm={() => deleting && remove(deleting)}
        pending={deleteWebhook.isPending}
        error={deleteWebhook.error}
      >
        <Text size="sm">
          Stop sending events to <Code style={{ wordBreak: 'break-all' }}>{deleting?.url}</Code>? Pending retries are dropped and its delivery history goes with it.
          This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** How a receiver checks that a delivery comes from Keel. */
function SignatureNote() {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Verifying deliveries
      </Text>
      <Text size="sm">
        Every delivery carries the header <Code>{WEBHOOK_SIGNATURE_HEADER}: t=…,v1=…</Code>. To check it:
      </Text>
      <List size="sm" type="ordered" spacing={2}>
        <List.Item>
          compute the HMAC-SHA256 of <Code>t.body</Code> (the timestamp, a dot, the raw request body) with this secret;
        </List.Item>
        <List.Item>
          compare its hex digest with <Code>v1</Code> in constant time;
        </List.Item>
        <List.Item>refuse a <Code>t</Code> more than five minutes from now, so an old delivery cannot be replayed.</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        The SDK’s <Code>verifyWebhookSignature</Code> does all three.
      </Text>
    </Stack>
  );
}
