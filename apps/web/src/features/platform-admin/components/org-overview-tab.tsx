import { DonutChart } from '@mantine/charts';
import { DataList, SimpleGrid, Stack, Text } from '@mantine/core';
import type { OrgDetailDto } from '@keel/api-client';
import type { ReactNode } from 'react';
import { NothingFound } from '../../../components/ui/query-states';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount, formatDate, formatDateTime, formatMoney, formatRelative } from '../../../lib/format';
import { providerLabel } from '../utils/labels';
import { AccessibleChart } from './accessible-chart';
import { PanelSection } from './panel-section';

const PROVIDER_COLORS: Record<string, string> = { aws: 'orange.6', azure: 'blue.6', gcp: 'teal.6' };

export function OrgOverviewTab({ org }: { org: OrgDetailDto }) {
  const costs = org.cost_summary;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <StatCard label="Total cost" value={formatMoney(costs.total_cost, costs.currency)} hint={costs.latest_data_date ? `Data up to ${formatDate(costs.latest_data_date)}` : 'No cost data yet'} />
        <StatCard label="Cost rows" value={formatCount(costs.row_count)} />
        <StatCard label="Sync errors" value={formatCount(org.error_count)} color={org.error_count > 0 ? 'red.9' : undefined} hint={`Of ${formatCount(org.account_count)} cloud accounts`} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PanelSection title="Cost by provider">
          <CostByProvider org={org} />
        </PanelSection>
        <PanelSection title="Details">
          <DataList labelWidth={190} withDivider>
            <Fact label="Organization ID">
              <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                {org.id}
              </Text>
            </Fact>
            <Fact label="Created">{formatDateTime(org.created_at)}</Fact>
            <Fact label="Users">{formatCount(org.user_count)}</Fact>
            <Fact label="Cloud accounts">{formatCount(org.account_count)}</Fact>
            <Fact label="Last sync">{formatRelative(org.last_sync_at)}</Fact>
            <Fact label="Two-factor authentication">{org.require_2fa ? 'Required for every user' : 'Optional'}</Fact>
            <Fact label="Support sessions">{org.allow_platform_impersonation ? 'Allowed by the owner' : 'Turned off by the owner'}</Fact>
          </DataList>
        </PanelSection>
      </SimpleGrid>
    </Stack>
  );
}

function CostByProvider({ org }: { org: OrgDetailDto }) {
  const { by_provider: providers, currency } = org.cost_summary;
  if (providers.length === 0) return <NothingFound title="No cost data yet" description="Costs appear after the first sync of a cloud account." />;
  return (
    <AccessibleChart
      caption={`Cost of ${org.name} by cloud provider`}
      withVisibleTable
      columns={['Provider', 'Cost', 'Cost rows']}
      rows={providers.map((provider) => [providerLabel(provider.provider), formatMoney(provider.total_cost, currency), formatCount(provider.row_count)])}
    >
      <DonutChart
        mx="auto"
        size={200}
        thickness={32}
        withLabels={false}
        withLegend
        valueFormatter={(value) => formatMoney(value, currency)}
        data={providers.map((provider) => ({ name: providerLabel(provider.provider), value: Number(provider.total_cost), color: PROVIDER_COLORS[provider.provider] ?? 'gray.6' }))}
        accessibilityLayer={false}
      />
    </AccessibleChart>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
