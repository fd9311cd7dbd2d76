import { Text } from '@mantine/core';
import { useAllCloudAccounts } from '../api/cloud-accounts';

/** What a budget or alert rule covers: one cloud account (by name), or the whole organization. */
export function AccountScope({ accountId }: { accountId: string | null }) {
  const accounts = useAllCloudAccounts();
  if (!accountId) return <Text size="sm">Whole organization</Text>;
  const account = accounts.data?.items.find((candidate) => candidate.id === accountId);
  return (
    <Text size="sm" ff={account ? undefined : 'monospace'}>
      {account ? account.name : accountId}
    </Text>
  );
}
