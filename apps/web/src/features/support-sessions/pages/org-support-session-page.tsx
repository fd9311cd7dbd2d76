import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function OrgSupportSessionPage() {
  return (
    <>
      <title>Support session · Keel</title>
      <Title order={1} fz="h2">
        Support session
      </Title>
    </>
  );
}
