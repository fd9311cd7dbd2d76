import { Anchor, Button, Table, VisuallyHidden } from '@mantine/core';
import type { WebhookDto } from '@keel/api-client';
import { Link } from 'react-router';
import { platformWebhookPath } from '../../../lib/paths';
import { Timestamp } from './timestamp';
import { WebhookEventBadges } from './webhook-event-badges';

type WebhooksTableProps = { webhooks: WebhookDto[]; onDelete: (webhook: WebhookDto) => void };

export function WebhooksTable({ webhooks, onDelete }: WebhooksTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Webhooks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>URL</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
