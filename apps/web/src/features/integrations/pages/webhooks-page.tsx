import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function WebhooksPage() {
  return (
    <>
      <title>Webhooks · Keel</title>
      <Title order={1} fz="h2">
        Webhooks
      </Title>
    </>
  );
}
