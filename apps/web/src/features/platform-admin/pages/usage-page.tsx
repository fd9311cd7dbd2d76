import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function UsagePage() {
  return (
    <>
      <title>Usage · Keel</title>
      <Title order={1} fz="h2">
        Usage
      </Title>
    </>
  );
}
