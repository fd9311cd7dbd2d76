import { Alert, Anchor, Button, Grid, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import type { OrgDto } from '@keel/api-client';
import { Link, useSearchParams } from 'react-router';
import { CloudIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount, formatDate, formatMoney, formatRelative } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useCostSummary } from '../api/costs';
import { useOrg } from '../api/org';
import { CostOverTimeChart } from '../components/dashboard/cost-over-time-chart';
import { DashboardPanel } from '../components/dashboard/dashboard-panel';
import { RecentAnomalies, TopRecommendations } from '../components/dashboard/insights';
import { ProviderBreakdownChart } from '../components/dashboard/provider-breakdown-chart';
import { useTenantUser } from '../hooks/use-tenant-user';
import { COST_RANGE_DAYS, lastDays, rangeDaysFrom } from '../utils/cost-range';

/** The tenant console's start page: what the org's clouds cost, and whether its accounts sync. */
export function TenantDashboardPage() {
  const { user } = useTenantUser();
  const org = useOrg();
  const [searchParams, setSearchParams] = useSearchParams();
  const days = rangeDaysFrom(searchParams.get('days'));
  const hasAccounts = !!org.data && org.data.account_count > 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title={user ? `Welcome, ${user.name}` : 'Dashboard'}
        description={org.data ? `${org.data.name}: cloud costs of the last ${days} days.` : undefined}
        actions={
          hasAccounts && (
            <SegmentedControl
              aria-label="Date range"
              value={String(days)}
              onChange={(value) => setSearchParams({ days: value })}
              data={COST_RANGE_DAYS.map((option) => ({ value: String(option), label: `${option} days` }))}
            />
          )
        }
      />
      {org.isPending ? (
        <LoadingState label="Loading your organization" />
      ) : org.isError ? (
        <ErrorState title="Your organization could not be loaded" error={org.error} onRetry={() => void org.refetch()} />
      ) : hasAccounts ? (
        <CostDashboard org={org.data} days={days} />
      ) : (
        <NoAccounts />
      )}
    </Stack>
  );
}

function NoAccounts() {
  const { may } = useTenantUser();
  return (
    <NothingFound
      icon={<CloudIcon size={28} />}
      title="Connect a cloud account"
      description={
        may('orgResources')
          ? 'Keel shows your costs once an AWS, Azure or GCP account is connected and synced.'
          : 'Keel shows your costs once an AWS, Azure or GCP account is connected. Ask an owner, admin or operator of your organization to connect one.'
      }
      action={
        may('orgResources') && (
          <Button component={Link} to={paths.tenantCloudAccounts}>
            Connect a cloud account
          </Button>
        )
      }
    />
  );
}

function CostDashboard({ org, days }: { org: OrgDto; days: number }) {
  const summary = useCostSummary(lastDays(days));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard
          label={`Cost, last ${days} days`}
          value={summary.data ? formatMoney(summary.data.total_cost, summary.data.currency) : '…'}
          hint={summary.data && (summary.data.latest_data_date ? `Data up to ${formatDate(summary.data.latest_data_date)}` : 'No cost data in this range')}
        />
        <StatCard
          label="Cloud accounts"
          value={formatCount(org.account_count)}
          hint={org.error_count > 0 ? `${formatCount(org.error_count)} failing to sync` : 'All syncing normally'}
          to={paths.tenantCloudAccounts}
        />
        <StatCard label="Last sync" value={org.last_sync_at ? formatRelative(org.last_sync_at) : 'Never'} hint="The most recent successful sync of any account" />
      </SimpleGrid>
      {org.error_count > 0 && (
        <Alert color="red" variant="light" title={`${formatCount(org.error_count)} of your cloud accounts could not sync`}>
          Their costs are missing until the provider lets Keel read them again.{' '}
          <Anchor component={Link} to={paths.tenantCloudAccounts} inherit c="inherit" underline="always" fw={600}>
            Review the cloud accounts
          </Anchor>
        </Alert>
      )}
      {summary.isPending ? (
        <LoadingState label="Loading costs" />
      ) : summary.isError ? (
        <ErrorState title="Costs could not be loaded" error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.row_count === 0 ? (
        <NothingFound
          title="No cost data yet"
          description={`None of your cloud accounts has costs in the last ${days} days. Sync an account to load its billing data.`}
          action={
            <Button component={Link} to={paths.tenantCloudAccounts} variant="light">
              Go to cloud accounts
            </Button>
          }
        />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <DashboardPanel title="Cost over time">
              <CostOverTimeChart summary={summary.data} />
            </DashboardPanel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <DashboardPanel title="Cost by provider">
              <ProviderBreakdownChart summary={summary.data} />
            </DashboardPanel>
          </Grid.Col>
        </Grid>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <RecentAnomalies />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TopRecommendations />
        </Grid.Col>
      </Grid>
    </>
  );
}
