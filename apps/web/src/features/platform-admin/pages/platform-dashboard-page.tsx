import { SimpleGrid, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { GROWTH_WEEKS, usePlatformGrowth, usePlatformStats } from '../api/platform-overview';
import { GrowthChart } from '../components/growth-chart';
import { PanelSection } from '../components/panel-section';

export function PlatformDashboardPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Platform dashboard" description="Every organization on Keel at a glance." />
      <PlatformStats />
      <PanelSection title="New organizations per week" description={`The last ${GROWTH_WEEKS} weeks, this week included.`}>
        <Growth />
      </PanelSection>
    </Stack>
  );
}

function PlatformStats() {
  const stats = usePlatformStats();
  if (stats.isPending) return <LoadingState label="Loading platform figures" />;
  if (stats.isError) return <ErrorState title="The platform figures could not be loaded" error={stats.error} onRetry={() => void stats.refetch()} />;
  const figures = stats.data;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="md">
      <StatCard label="Organizations" value={formatCount(figures.total_organizations)} to={paths.platformOrgs} />
      <StatCard label="Users" value={formatCount(figures.total_users)} hint="Members of every organization" />
      <StatCard label="Cloud accounts" value={formatCount(figures.total_cloud_accounts)} />
      <StatCard label="Cost rows" value={formatCount(figures.total_cost_rows)} hint="Billing lines synced" />
      <StatCard label="New organizations" value={formatCount(figures.new_orgs_30d)} hint="In the last 30 days" />
      <StatCard
        label="Sync errors"
        value={formatCount(figures.sync_errors)}
        hint={figures.sync_errors === 0 ? 'Every account syncs' : 'Cloud accounts failing to sync'}
        color={figures.sync_errors > 0 ? 'red.9' : undefined}
        to={paths.platformSyncHealth}
      />
    </SimpleGrid>
  );
}

function Growth() {
  const growth = usePlatformGrowth();
  if (growth.isPending) return <LoadingState label="Loading the growth chart" />;
  if (growth.isError) return <ErrorState title="The growth chart could not be loaded" error={growth.error} onRetry={() => void growth.refetch()} />;
  const total = growth.data.items.reduce((sum, point) => sum + point.new_orgs, 0);
  return (
    <>
      <GrowthChart points={growth.data.items} />
      <Text size="sm" mt="xs">
        {total === 0 ? 'No organization joined in these weeks.' : `${formatCount(total)} new ${total === 1 ? 'organization' : 'organizations'} in ${growth.data.items.length} weeks.`}
      </Text>
    </>
  );
}
