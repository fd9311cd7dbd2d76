import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function MySessionsPage() {
  return (
    <>
      <title>My sessions · Keel</title>
      <Title order={1} fz="h2">
        My sessions
      </Title>
    </>
  );
}
