import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function OrgsPage() {
  return (
    <>
      <title>Organizations · Keel</title>
      <Title order={1} fz="h2">
        Organizations
      </Title>
    </>
  );
}
