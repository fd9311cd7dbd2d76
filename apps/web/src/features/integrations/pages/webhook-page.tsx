import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function WebhookPage() {
  return (
    <>
      <title>Webhook · Keel</title>
      <Title order={1} fz="h2">
        Webhook
      </Title>
    </>
  );
}
