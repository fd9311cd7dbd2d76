import { List, Table, Text } from '@mantine/core';
import type { OrgAccountDto, OrgDetailDto } from '@keel/api-client';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { NothingFound } from '../../../components/ui/query-states';
import { formatRelative } from '../../../lib/format';
import { useDeleteCloudAccount } from '../api/orgs';
import { useRowConfirmation } from '../hooks/use-row-confirmation';
import { DataTable, RowActions, RowButton } from '../../../components/ui/data-table';
import { CLOUD_ACCOUNT_STATUS, labelOf, providerLabel } from '../utils/labels';
import { StatusBadge } from './status-badge';

// What deleting a cloud account takes with it (SPEC §4), so the confirmation can say so.
const CASCADE = [
  'its cost rows and sync jobs',
  'the budgets and alert rules on it',
  'its anomaly alerts and recommendations',
  'its network costs, resource inventory and coverage data',
  'the users’ access grants to it',
];

export function OrgAccountsTab({ org }: { org: OrgDetailDto }) {
  const deleteAccount = useRowConfirmation(
    useDeleteCloudAccount(org.id),
    (account: OrgAccountDto) => account.id,
    (account) => ({ title: 'Cloud account deleted', message: `${account.name} and everything synced from it are gone.` }),
  );
  const deleting = deleteAccount.row;

  if (org.cloud_accounts.length === 0) return <NothingFound title="No cloud accounts" description={`${org.name} has not connected a cloud account yet.`} />;
  return (
    <>
      <DataTable
        label={`Cloud accounts of ${org.name}`}
        minWidth={760}
        columns={['Account', 'Provider', 'Status', 'Sync error', 'Last synced']}
        withActions
      >
        {org.cloud_accounts.map((account) => (
          <Table.Tr key={account.id}>
            <Table.Td fw={600}>{account.name}</Table.Td>
            <Table.Td>{providerLabel(account.provider)}</Table.Td>
            <Table.Td>
              <StatusBadge {...labelOf(CLOUD_ACCOUNT_STATUS, account.status)} />
            </Table.Td>
            <Table.Td maw={320}>
              {account.sync_error ? (
                <Text size="sm" c="red.9">
                  {account.sync_error}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatRelative(account.last_synced_at)}</Table.Td>
            <RowActions>
              <RowButton danger label={`Delete ${account.name}`} onClick={() => deleteAccount.ask(account)}>
                Delete
              </RowButton>
            </RowActions>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog {...deleteAccount.dialogProps} title="Delete cloud account" confirmLabel="Delete account">
        <Text size="sm">
          {deleting?.name} ({deleting && providerLabel(deleting.provider)}) is deleted from {org.name} at once, for good, together with:
        </Text>
        <List size="sm" spacing={2}>
          {CASCADE.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </ConfirmDialog>
    </>
  );
}
