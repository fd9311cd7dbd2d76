import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function StaffPage() {
  return (
    <>
      <title>Staff · Keel</title>
      <Title order={1} fz="h2">
        Staff
      </Title>
    </>
  );
}
