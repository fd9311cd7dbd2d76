import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function ApiKeysPage() {
  return (
    <>
      <title>API keys · Keel</title>
      <Title order={1} fz="h2">
        API keys
      </Title>
    </>
  );
}
