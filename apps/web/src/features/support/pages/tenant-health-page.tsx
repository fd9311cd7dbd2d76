import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function TenantHealthPage() {
  return (
    <>
      <title>Tenant health · Keel</title>
      <Title order={1} fz="h2">
        Tenant health
      </Title>
    </>
  );
}
