import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function TenantDetailPage() {
  return (
    <>
      <title>Tenant · Keel</title>
      <Title order={1} fz="h2">
        Tenant
      </Title>
    </>
  );
}
