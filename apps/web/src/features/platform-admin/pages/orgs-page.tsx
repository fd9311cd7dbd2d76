import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { BuildingIcon, SearchOffIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { useOrgList } from '../api/orgs';
import { CreateOrgDialog } from '../components/create-org-dialog';
import { OrgListFilters } from '../components/org-list-filters';
import { OrgsTable } from '../components/orgs-table';
import { ListPager } from '../../../components/ui/list-pager';
import { hasFilters, viewFromSearchParams, viewToQuery, viewToSearchParams, type OrgListView, type OrgSortField } from '../utils/org-list-params';
import { nextSort } from '../../../lib/sort';

export function OrgsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = viewFromSearchParams(searchParams);
  const [createOpened, createDialog] = useDisclosure(false);
  // A new search, filter or sort starts again on the first page.
  const change = (changes: Partial<OrgListView>) => setSearchParams(viewToSearchParams({ ...view, page: 1, ...changes }));

  return (
    <Stack gap="lg">
      <PageHeader
        title="Organizations"
        description="Every customer organization: find one, open it to act on it."
        actions={
          <Button leftSection={<BuildingIcon />} onClick={createDialog.open}>
            Create organization
          </Button>
        }
      />
      {/* Keyed on the applied search, so that Back or a shared link also resets the search field. */}
      <OrgListFilters key={view.search} view={view} onChange={change} />
      <OrgResults view={view} onChange={change} />
      <CreateOrgDialog opened={createOpened} onClose={createDialog.close} />
    </Stack>
  );
}

function OrgResults({ view, onChange }: { view: OrgListView; onChange: (changes: Partial<OrgListView>) => void }) {
  const orgs = useOrgList(viewToQuery(view));
  if (orgs.isPending) return <LoadingState label="Loading organizations" />;
  if (orgs.isError) return <ErrorState title="The organizations could not be loaded" error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const { items, pagination } = orgs.data;
  if (items.length === 0) {
    if (view.page > 1) return <NothingFound title="No organizations on this page" description="The list is shorter than it was." action={<Button onClick={() => onChange({})}>First page</Button>} />;
    if (hasFilters(view)) {
      return (
        <NothingFound
          title="No organizations match"
          description="Try another search, or clear the filters."
          icon={<SearchOffIcon size={28} />}
          action={<Button onClick={() => onChange({ search: '', status: '', plan: '' })}>Clear filters</Button>}
        />
      );
    }
    return <NothingFound title="No organizations yet" description="Create the first one, or wait for a sign-up to approve." />;
  }

  return (
    <OrgsTable
      orgs={items}
      sort={view.sort}
      onSort={(field: OrgSortField) => onChange({ sort: nextSort(view.sort, field) })}
      footer={<ListPager pagination={pagination} shownCount={items.length} noun={['organization', 'organizations']} busy={orgs.isPlaceholderData} onPage={(page) => onChange({ page })} />}
    />
  );
}
