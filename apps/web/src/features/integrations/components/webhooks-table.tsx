import { Anchor, Button, Table } from '@mantine/core';
import type { WebhookDto } from '@keel/api-client';
import { Link } from 'react-router';
import { platformWebhookPath } from '../../../lib/paths';
import { DataTable } from '../../../components/ui/data-table';
import { Timestamp } from './timestamp';
import { WebhookEventBadges } from './webhook-event-badges';

type WebhooksTableProps = { webhooks: WebhookDto[]; onDelete: (webhook: WebhookDto) => void };

export function WebhooksTable({ webhooks, onDelete }: WebhooksTableProps) {
  return (
    <DataTable label="Webhooks" minWidth={760} columns={['URL', 'Events', 'Created']} withActions framed={false}>
      {webhooks.map((webhook) => (
        <Table.Tr key={webhook.id}>
          <Table.Td maw={360}>
            {/* The URL opens the webhook's page with its delivery attempts. */}
            <Anchor component={Link} to={platformWebhookPath(webhook.id)} size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {webhook.url}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <WebhookEventBadges events={webhook.events} />
          </Table.Td>
          <Table.Td>
            <Timestamp value={webhook.created_at} />
          </Table.Td>
          <Table.Td ta="right">
            <Button variant="subtle" color="red" size="compact-sm" aria-label={`Delete the webhook to ${webhook.url}`} onClick={() => onDelete(webhook)}>
              Delete
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
