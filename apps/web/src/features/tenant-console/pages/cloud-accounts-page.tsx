import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function CloudAccountsPage() {
  return (
    <>
      <title>Cloud accounts · Keel</title>
      <Title order={1} fz="h2">
        Cloud accounts
      </Title>
    </>
  );
}
