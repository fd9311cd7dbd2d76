import { BarChart } from '@mantine/charts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { UsageRowDto } from '@keel/api-client';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { formatCount, formatDateTime, formatRelative } from '../../../lib/format';
import { platformOrgPath } from '../../../lib/paths';
import { usePlatformUsage } from '../api/platform-overview';
import { AccessibleChart } from '../components/accessible-chart';
import { PanelSection } from '../components/panel-section';
import { DataTable } from '../../../components/ui/data-table';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { StatusBadge } from '../components/status-badge';
import { ListPager } from '../../../components/ui/list-pager';
import { usePageParam } from '../hooks/use-page-param';
import { PLAN } from '../utils/labels';
import { formatSort, nextSort, parseSort, sortRows, type Sort } from '../../../lib/sort';

const PAGE_SIZE = 100;
const TOP_ORGS = 10;
const SORT_FIELDS = ['org_name', 'plan', 'syncs_30d', 'actions_30d', 'last_activity_at', 'cost_rows'] as const;
type UsageSortField = (typeof SORT_FIELDS)[number];
const DEFAULT_SORT: Sort<UsageSortField> = { field: 'actions_30d', direction: 'descending' };

export function UsagePage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Usage" description="What each organization did in the last 30 days: syncs, API calls, last activity and the cost rows it holds." />
      <Usage />
    </Stack>
  );
}

function Usage() {
  const [page, setPage] = usePageParam();
  const [searchParams, setSearchParams] = useSearchParams();
  const sort = parseSort(searchParams.get('sort'), SORT_FIELDS) ?? DEFAULT_SORT;
  const usage = usePlatformUsage({ page, limit: PAGE_SIZE });
  if (usage.isPending) return <LoadingState label="Loading usage" />;
  if (usage.isError) return <ErrorState title="Usage could not be loaded" error={usage.error} onRetry={() => void usage.refetch()} />;

  const { items, pagination } = usage.data;
  if (items.length === 0) return <NothingFound title="No organizations yet" description="Usage appears here once organizations exist." />;

  // The API pages by organization age and does not sort: the page on screen is sorted here.
  const rows = sortRows(items, sort);
  const onSort = (field: UsageSortField) =>
    setSearchParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('sort', formatSort(nextSort(sort, field)));
      return updated;
    });
  const header = (field: UsageSortField, label: string, numeric?: boolean) => <SortableHeader field={field} label={label} sort={sort} onSort={onSort} numeric={numeric} />;

  return (
    <>
      <PanelSection title="Most active organizations">
        <TopOrgsChart rows={items} />
      </PanelSection>
      {pagination.total > items.length && (
        <Text size="sm" c="dimmed">
          Sorting applies to the {formatCount(items.length)} organizations on this page.
        </Text>
      )}
      <DataTable
        label="Usage per organization, last 30 days"
        minWidth={860}
        columns={[
          header('org_name', 'Organization'),
          header('plan', 'Plan'),
          header('syncs_30d', 'Syncs', true),
          header('actions_30d', 'API calls', true),
          header('last_activity_at', 'Last activity'),
          header('cost_rows', 'Cost rows', true),
        ]}
        footer={<ListPager pagination={pagination} shownCount={items.length} noun={['organization', 'organizations']} busy={usage.isPlaceholderData} onPage={setPage} />}
      >
        {rows.map((row) => (
          <Table.Tr key={row.org_id}>
            <Table.Td>
              <Anchor component={Link} to={platformOrgPath(row.org_id)} size="sm" fw={600}>
                {row.org_name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <StatusBadge {...PLAN[row.plan]} variant="outline" />
            </Table.Td>
            <Table.Td ta="right">{formatCount(row.syncs_30d)}</Table.Td>
            <Table.Td ta="right">{formatCount(row.actions_30d)}</Table.Td>
            <Table.Td>
              <Text size="sm" title={row.last_activity_at ? formatDateTime(row.last_activity_at) : undefined}>
                {formatRelative(row.last_activity_at)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{formatCount(row.cost_rows)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

/** The organizations with the most API calls, as horizontal bars (and a table for screen readers). */
function TopOrgsChart({ rows }: { rows: UsageRowDto[] }) {
  const top = sortRows(rows, { field: 'actions_30d', direction: 'descending' })
    .slice(0, TOP_ORGS)
    .filter((row) => row.actions_30d > 0);
  if (top.length === 0) return <Text size="sm">No organization called the API in the last 30 days.</Text>;
  return (
    <AccessibleChart
      caption={`The ${top.length} organizations with the most API calls in the last 30 days`}
      columns={['Organization', 'API calls', 'Syncs']}
      rows={top.map((row) => [row.org_name, formatCount(row.actions_30d), formatCount(row.syncs_30d)])}
    >
      <BarChart
        h={Math.max(160, top.length * 34)}
        data={top.map((row) => ({ organization: row.org_name, 'API calls': row.actions_30d }))}
        dataKey="organization"
        orientation="vertical"
        series={[{ name: 'API calls', color: 'blue.6' }]}
        yAxisProps={{ width: 160 }}
        valueFormatter={formatCount}
        accessibilityLayer={false}
      />
    </AccessibleChart>
  );
}
