import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function BudgetsPage() {
  return (
    <>
      <title>Budgets · Keel</title>
      <Title order={1} fz="h2">
        Budgets
      </Title>
    </>
  );
}
