import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function OrgDetailPage() {
  return (
    <>
      <title>Organization · Keel</title>
      <Title order={1} fz="h2">
        Organization
      </Title>
    </>
  );
}
