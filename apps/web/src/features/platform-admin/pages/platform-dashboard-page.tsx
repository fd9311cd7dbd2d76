import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function PlatformDashboardPage() {
  return (
    <>
      <title>Platform dashboard · Keel</title>
      <Title order={1} fz="h2">
        Platform dashboard
      </Title>
    </>
  );
}
