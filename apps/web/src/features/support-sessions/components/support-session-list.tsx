import { Button, Paper } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { LifebuoyIcon, SearchOffIcon } from '../../../components/ui/icons';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { paths } from '../../../lib/paths';
import { useSupportSessionList } from '../api/list-support-sessions';
import type { SupportSessionConsole } from '../api/support-session-types';
import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams, hasFilters, NO_FILTERS, type SupportSessionFilters } from '../utils/support-session-filters';
import { ListPager } from '../../../components/ui/list-pager';
import { SupportSessionFiltersForm } from './support-session-filters-form';
import { SupportSessionStatCards } from './support-session-stat-cards';
import { SupportSessionsTable } from './support-sessions-table';

/** Support sessions with their counts by status, filters kept in the address, and paging: staff's list and an org's. */
export function SupportSessionList({ where }: { where: SupportSessionConsole }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const list = useSupportSessionList(where, filtersToQuery(filters));
  const show = (next: SupportSessionFilters) => setSearchParams(filtersToSearchParams(next));

  function results() {
    if (list.isPending) return <LoadingState label="Loading support sessions" />;
    if (list.isError) return <ErrorState title="Support sessions could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
    const { items, pagination } = list.data;
    if (items.length === 0 && pagination.total > 0) {
      return <NothingFound title="No sessions on this page" description="The list is shorter than this page number." action={<Button onClick={() => show({ ...filters, page: 1 })}>Go to the first page</Button>} />;
    }
    if (items.length === 0 && hasFilters(filters)) {
      return (
        <NothingFound
          title="No sessions match these filters"
          description="Try another status or organization."
          icon={<SearchOffIcon size={28} />}
          action={<Button onClick={() => show(NO_FILTERS)}>Show all sessions</Button>}
        />
      );
    }
    if (items.length === 0) return <NoSessionsYet where={where} />;
    return (
      <Paper withBorder radius="md">
        <SupportSessionsTable sessions={items} where={where} />
        <ListPager pagination={pagination} shownCount={items.length} noun={['session', 'sessions']} busy={list.isPlaceholderData} onPage={(page) => show({ ...filters, page })} />
      </Paper>
    );
  }

  return (
    <>
      {list.data && <SupportSessionStatCards stats={list.data.stats} linkFor={(status) => `?${filtersToSearchParams({ ...filters, status, page: 1 })}`} />}
      {/* Keyed by the applied filters: a stat card or Show all sessions changes them from outside the form. */}
      <SupportSessionFiltersForm
        key={filtersToSearchParams(filters).toString()}
        applied={filters}
        withOrganization={where === 'support'}
        onApply={(next) => show({ ...next, page: 1 })}
      />
      {results()}
    </>
  );
}

function NoSessionsYet({ where }: { where: SupportSessionConsole }) {
  if (where === 'tenant') {
    return <NothingFound title="No support sessions yet" description="Keel's platform staff have never opened a support session on your organization." icon={<LifebuoyIcon size={28} />} />;
  }
  return (
    <NothingFound
      title="No support sessions yet"
      description="Start one from a tenant's row in Tenant health, or from the tenant's page."
      icon={<LifebuoyIcon size={28} />}
      action={
        <Button component={Link} to={paths.support}>
          Go to tenant health
        </Button>
      }
    />
  );
}
