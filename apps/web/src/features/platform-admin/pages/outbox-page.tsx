import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function OutboxPage() {
  return (
    <>
      <title>Outbox · Keel</title>
      <Title order={1} fz="h2">
        Outbox
      </Title>
    </>
  );
}
