import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function MembersPage() {
  return (
    <>
      <title>Members · Keel</title>
      <Title order={1} fz="h2">
        Members
      </Title>
    </>
  );
}
