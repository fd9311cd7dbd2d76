import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function AlertRulesPage() {
  return (
    <>
      <title>Alert rules · Keel</title>
      <Title order={1} fz="h2">
        Alert rules
      </Title>
    </>
  );
}
