import { Button, Paper, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ActivityIcon, SearchOffIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { useTenantHealthList } from '../api/list-tenant-health';
import { FleetStatCards } from '../components/fleet-stat-cards';
import { TenantHealthFiltersForm } from '../components/tenant-health-filters-form';
import { ListPager } from '../../../components/ui/list-pager';
import { TenantHealthTable } from '../components/tenant-health-table';
import type { SupportSessionAction } from '../utils/support-session-action';
import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams, hasFilters, nextSort, NO_FILTERS, type TenantHealthFilters } from '../utils/tenant-health-filters';

/** The support console's start page (SPEC §5, §9): every tenant's health, worst first, and how many are in each class. */
export function TenantHealthPage({ supportSessionAction }: { supportSessionAction?: SupportSessionAction }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const list = useTenantHealthList(filtersToQuery(filters));
  const show = (next: TenantHealthFilters) => setSearchParams(filtersToSearchParams(next));
  // New filters or another order start again at page 1.
  const showFirstPage = (next: TenantHealthFilters) => show({ ...next, page: 1 });

  function results() {
    if (list.isPending) return <LoadingState label="Loading tenant health" />;
    if (list.isError) return <ErrorState title="Tenant health could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
    const { items, pagination } = list.data;
    if (items.length === 0 && pagination.total > 0) {
      return <NothingFound title="No tenants on this page" description="The list is shorter than this page number." action={<Button onClick={() => show({ ...filters, page: 1 })}>Go to the first page</Button>} />;
    }
    if (items.length === 0 && hasFilters(filters)) {
      return (
        <NothingFound
          title="No tenants match these filters"
          description="Try another name or ID, or another health or status."
          icon={<SearchOffIcon size={28} />}
          action={<Button onClick={() => show({ ...NO_FILTERS, sort: filters.sort })}>Show all tenants</Button>}
        />
      );
    }
    if (items.length === 0) {
      return <NothingFound title="No tenant has been judged yet" description="Health is computed every minute from each tenant's API calls; tenants appear here after the next run." icon={<ActivityIcon size={28} />} />;
    }
    return (
      <Paper withBorder radius="md">
        <TenantHealthTable supportSessionAction={supportSessionAction} tenants={items} sort={filters.sort} onSort={(field) => showFirstPage({ ...filters, sort: nextSort(filters.sort, field) })} />
        <Paper px="md" py="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <ListPager noun={['tenant', 'tenants']} pagination={pagination} shownCount={items.length} busy={list.isPlaceholderData} onPage={(page) => show({ ...filters, page })} />
        </Paper>
      </Paper>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title="Tenant health" description="Each tenant's API traffic over the last 24 hours, judged every minute; the worst first." />
      {list.data && <FleetStatCards stats={list.data.stats} linkFor={(health) => `?${filtersToSearchParams({ ...filters, health, page: 1 })}`} />}
      {/* Keyed by the applied filters: a stat card or Show all tenants changes them from outside the form. */}
      <TenantHealthFiltersForm key={filtersToSearchParams(filters).toString()} applied={filters} onApply={showFirstPage} />
      {results()}
    </Stack>
  );
}
