import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function SupportAccessPage() {
  return (
    <>
      <title>Support access · Keel</title>
      <Title order={1} fz="h2">
        Support access
      </Title>
    </>
  );
}
