import { Badge, Group } from '@mantine/core';
import type { WebhookEventType } from '../utils/webhook-events';

/** The events a webhook subscribes to. */
export function WebhookEventBadges({ events }: { events: WebhookEventType[] }) {
  return (
    <Group gap={6}>
      {events.map((event) => (
        <Badge key={event} variant="light" color="gray" radius="sm" tt="none">
          {event}
        </Badge>
      ))}
    </Group>
  );
}
