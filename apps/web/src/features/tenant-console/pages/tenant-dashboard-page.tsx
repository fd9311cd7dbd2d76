import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSessionState } from '../../../lib/auth/session-context';
import { can } from '../../../lib/authorization';
import { paths } from '../../../lib/paths';

const UPCOMING = [
  { title: 'Costs', text: 'Spend across your AWS, Azure and GCP accounts.' },
  { title: 'Cloud accounts', text: 'Connect accounts and watch their syncs.' },
  { title: 'Budgets and alerts', text: 'Limits and the rules that warn you.' },
];

// Placeholder until the tenant console's cost pages arrive.
export function TenantDashboardPage() {
  const state = useSessionState();
  const user = state.status === 'signed-in' ? state.user : null;
  return (
    <>
      <title>Dashboard · Keel</title>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {user ? `Welcome, ${user.name}` : 'Dashboard'}
          </Title>
          <Text c="dimmed" size="sm">
            Your organization&apos;s cost dashboard arrives in a later release.
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {UPCOMING.map((item) => (
            <Paper key={item.title} withBorder p="lg" radius="md">
              <Title order={2} fz="h5">
                {item.title}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {item.text}
              </Text>
              <Text size="xs" c="dimmed" mt="md" fs="italic">
                Coming soon
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {user && can(user.role, 'orgAuditLog') && (
          <Paper withBorder p="lg" radius="md">
            <Stack gap="xs" align="flex-start">
              <Title order={2} fz="h5">
                Audit log
              </Title>
              <Text size="sm" c="dimmed">
                See who did what in your organization, including every action of Keel&apos;s platform support.
              </Text>
              <Button component={Link} to={paths.tenantAuditLog} variant="light">
                Open the audit log
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
