import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { WebhookDeliveryDto, WebhookDto } from '@keel/api-client';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ChevronLeftIcon, RefreshIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { apiErrorMessage, errorStatus } from '../../../lib/api-error';
import { paths } from '../../../lib/paths';
import { useWebhookDeliveries } from '../api/list-webhook-deliveries';
import { useWebhooks } from '../api/list-webhooks';
import { useRedeliverWebhookEvent } from '../api/redeliver-webhook-event';
import { ListStates } from '../components/list-states';
import { WebhookDeliveriesTable } from '../components/webhook-deliveries-table';
import { WebhookEventBadges } from '../components/webhook-event-badges';

// How long the deliveries keep refreshing after "Send again", for its attempt to show up.
const WATCH_AFTER_SEND_MILLISECONDS = 20_000;

const backToWebhooks = (
  <Button component={Link} to={paths.platformWebhooks} variant="default" leftSection={<ChevronLeftIcon />}>
    All webhooks
  </Button>
);

/** `/platform/webhooks/:webhookId`: one webhook and its delivery attempts, with "Send again". */
export function WebhookPage() {
  const { webhookId = '' } = useParams();
  // The API has no read of one webhook: the list (usually cached from the webhooks page) holds it.
  const webhooks = useWebhooks();

  if (webhooks.isPending) return <LoadingState label="Loading the webhook" />;
  if (webhooks.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title="Webhook" actions={backToWebhooks} />
        <ErrorState title="The webhook could not be loaded" error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      </Stack>
    );
  }
  const webhook = webhooks.data.find((candidate) => candidate.id === webhookId);
  return webhook ? <WebhookDetails webhook={webhook} /> : <WebhookNotFound />;
}

function WebhookNotFound() {
  return (
    <Stack gap="lg">
      <PageHeader title="Webhook not found" actions={backToWebhooks} />
      <NothingFound title="There is no such webhook" description="It may have been deleted, or the link is mistyped." />
    </Stack>
  );
}

function WebhookDetails({ webhook }: { webhook: WebhookDto }) {
  const [watchUntil, setWatchUntil] = useState(0);
  const deliveries = useWebhookDeliveries(webhook.id, { watchUntil });
  const redeliver = useRedeliverWebhookEvent();

  // Deleted since the list was read.
  if (deliveries.isError && errorStatus(deliveries.error) === 404) return <WebhookNotFound />;

  function sendAgain(delivery: WebhookDeliveryDto) {
    redeliver.mutate(
      { webhookId: webhook.id, eventId: delivery.event_id },
      {
        onSuccess: () => {
          setWatchUntil(Date.now() + WATCH_AFTER_SEND_MILLISECONDS);
          notifications.show({ color: 'teal', title: 'Queued', message: `Keel sends ${delivery.event_type} to this webhook again within seconds.` });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Not sent again', message: apiErrorMessage(error) }),
      },
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Webhook"
        description={
          <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {webhook.url}
          </Text>
        }
        actions={
          <>
            {backToWebhooks}
            <Button variant="default" leftSection={<RefreshIcon />} onClick={() => void deliveries.refetch()}>
              Refresh
            </Button>
          </>
        }
      />
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Events:
        </Text>
        <WebhookEventBadges events={webhook.events} />
      </Group>
      <ListStates
        list={deliveries}
        loadingLabel="Loading deliveries"
        errorTitle="The deliveries could not be loaded"
        empty={
          <NothingFound
            title="No deliveries yet"
            description={
              <>
                Keel sends an event here within seconds of the change that causes it. The next <Code>{webhook.events[0]}</Code>
                {webhook.events.length > 1 ? ' (or another subscribed event)' : ''} will show here.
              </>
            }
          />
        }
      >
        {(items) => (
          <WebhookDeliveriesTable
            deliveries={items}
            readAt={deliveries.dataUpdatedAt}
            sendingEventId={redeliver.isPending ? redeliver.variables.eventId : null}
            onSendAgain={sendAgain}
          />
        )}
      </ListStates>
    </Stack>
  );
}
