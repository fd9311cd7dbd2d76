import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function PlatformSessionsPage() {
  return (
    <>
      <title>Active sessions · Keel</title>
      <Title order={1} fz="h2">
        Active sessions
      </Title>
    </>
  );
}
