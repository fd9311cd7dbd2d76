import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function SupportSessionsPage() {
  return (
    <>
      <title>Support sessions · Keel</title>
      <Title order={1} fz="h2">
        Support sessions
      </Title>
    </>
  );
}
