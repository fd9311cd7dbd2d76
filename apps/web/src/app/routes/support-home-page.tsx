import { Paper, Stack, Text, Title } from '@mantine/core';

// Placeholder until the support console (tenant health, support sessions) arrives.
export function SupportHomePage() {
  return (
    <>
      <title>Support · Keel</title>
      <Stack gap="lg">
        <Title order={1} fz="h2">
          Support
        </Title>
        <Paper withBorder p="xl" radius="md">
          <Stack gap="xs">
            <Title order={2} fz="h4">
              Support console arrives in a later release
            </Title>
            <Text c="dimmed" size="sm">
              Tenant health, tenant details and time-boxed support sessions will live here.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
