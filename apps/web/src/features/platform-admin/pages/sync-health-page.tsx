import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function SyncHealthPage() {
  return (
    <>
      <title>Sync health · Keel</title>
      <Title order={1} fz="h2">
        Sync health
      </Title>
    </>
  );
}
