import { Badge, Button, Code, Table, Text } from '@mantine/core';
import type { WebhookDeliveryDto } from '@keel/api-client';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { isRetryPending, isSuccessfulDelivery } from '../utils/deliveries';
import { DataTable } from '../../../components/ui/data-table';
import { Timestamp } from './timestamp';

type WebhookDeliveriesTableProps = {
  deliveries: WebhookDeliveryDto[];
  /** When the deliveries were read (milliseconds): "in 5 seconds" counts from then, and moves on with each refresh. */
  readAt: number;
  /** The event whose "Send again" is on its way, if any. */
  sendingEventId: string | null;
  onSendAgain: (delivery: WebhookDeliveryDto) => void;
};

/** Delivery attempts as the API lists them, newest first. */
export function WebhookDeliveriesTable({ deliveries, readAt, sendingEventId, onSendAgain }: WebhookDeliveriesTableProps) {
  return (
    <DataTable label="Delivery attempts" minWidth={960} columns={['Event', 'Event ID', 'Attempt', 'Status', 'Error', 'Attempted', 'Next retry']} withActions framed={false}>
      {deliveries.map((delivery) => (
        <Table.Tr key={delivery.id}>
          <Table.Td>
            <Code>{delivery.event_type}</Code>
          </Table.Td>
          <Table.Td>
            {/* The start is enough to match the `id` a receiver logged; the whole id on hover. */}
            <Text size="sm" ff="monospace" title={delivery.event_id}>
              {delivery.event_id.slice(0, 8)}
            </Text>
          </Table.Td>
          <Table.Td>{delivery.attempt}</Table.Td>
          <Table.Td>
            <DeliveryStatus delivery={delivery} />
          </Table.Td>
          <Table.Td maw={280}>
            <Text size="sm" c={delivery.error ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>
              {delivery.error ?? '—'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Timestamp value={delivery.attempted_at} />
          </Table.Td>
          <Table.Td>
            <NextRetry delivery={delivery} deliveries={deliveries} readAt={readAt} />
          </Table.Td>
          <Table.Td ta="right">
            <Button
              variant="subtle"
              size="compact-sm"
              aria-label={`Send ${delivery.event_type} ${delivery.event_id.slice(0, 8)} again`}
              loading={sendingEventId === delivery.event_id}
              onClick={() => onSendAgain(delivery)}
            >
              Send again
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDeliveryDto }) {
  const succeeded = isSuccessfulDelivery(delivery);
  return (
    // Outlined in shade 9: green and red text on a tinted background fall short of 4.5:1 contrast on a hovered row.
    <Badge color={succeeded ? 'teal.9' : 'red.9'} variant="outline" radius="sm" tt="none">
      {/* The word carries the outcome too, not the colour alone. */}
      {delivery.status_code === null ? 'Failed: no response' : `${succeeded ? 'Delivered' : 'Failed'}: ${delivery.status_code}`}
    </Badge>
  );
}

/** When Keel tries again: soon (relative) for a pending retry, the past schedule of one already made, nothing after success. */
function NextRetry({ delivery, deliveries, readAt }: { delivery: WebhookDeliveryDto; deliveries: WebhookDeliveryDto[]; readAt: number }) {
  if (delivery.next_retry_at === null) return <Timestamp value={null} />;
  if (!isRetryPending(delivery, deliveries)) {
    return (
      <Text size="sm" c="dimmed" component="time" dateTime={delivery.next_retry_at} style={{ whiteSpace: 'nowrap' }}>
        Retried {formatDateTime(delivery.next_retry_at)}
      </Text>
    );
  }
  const due = new Date(delivery.next_retry_at).getTime() <= readAt;
  return (
    <Text size="sm" component="time" dateTime={delivery.next_retry_at} title={formatDateTime(delivery.next_retry_at)} style={{ whiteSpace: 'nowrap' }}>
      {due ? 'Due now' : formatRelative(delivery.next_retry_at, readAt)}
    </Text>
  );
}
