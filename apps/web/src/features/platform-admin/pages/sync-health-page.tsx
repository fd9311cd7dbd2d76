import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CheckIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { platformOrgPath } from '../../../lib/paths';
import { useSyncHealth } from '../api/platform-overview';
import { DataTable } from '../../../components/ui/data-table';
import { ListPager } from '../../../components/ui/list-pager';
import { usePageParam } from '../hooks/use-page-param';
import { providerLabel } from '../utils/labels';

const PAGE_SIZE = 50;

export function SyncHealthPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Sync health" description="Cloud accounts whose last sync failed, across every organization, most recent failure first." />
      <FailingAccounts />
    </Stack>
  );
}

function FailingAccounts() {
  const [page, setPage] = usePageParam();
  const accounts = useSyncHealth({ page, limit: PAGE_SIZE });
  if (accounts.isPending) return <LoadingState label="Loading failing accounts" />;
  if (accounts.isError) return <ErrorState title="Sync health could not be loaded" error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const { items, pagination } = accounts.data;
  if (items.length === 0) {
    return <NothingFound title="All accounts syncing" description="No cloud account is in the error state." icon={<CheckIcon size={28} />} />;
  }
  return (
    <DataTable
      label="Cloud accounts failing to sync"
      minWidth={900}
      columns={['Organization', 'Account', 'Provider', 'Error', 'Last successful sync']}
      footer={<ListPager pagination={pagination} shownCount={items.length} noun={['failing account', 'failing accounts']} busy={accounts.isPlaceholderData} onPage={setPage} />}
    >
      {items.map((account) => (
        <Table.Tr key={account.account_id}>
          <Table.Td>
            <Anchor component={Link} to={`${platformOrgPath(account.org_id)}?tab=accounts`} size="sm" fw={600}>
              {account.org_name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{account.account_name}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {account.external_id}
            </Text>
          </Table.Td>
          <Table.Td>{providerLabel(account.provider)}</Table.Td>
          <Table.Td maw={360}>
            <Text size="sm" c="red.9">
              {account.sync_error ?? 'Failed without a message'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" title={account.last_synced_at ? formatDateTime(account.last_synced_at) : undefined}>
              {formatRelative(account.last_synced_at)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
