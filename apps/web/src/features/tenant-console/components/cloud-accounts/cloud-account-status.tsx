import { Loader, Stack, Text } from '@mantine/core';
import type { CloudAccountDto } from '@keel/api-client';
import { StatusBadge } from '../table-cells';

const STATUS = {
  pending: { label: 'Not synced yet', color: 'gray.7' },
  syncing: { label: 'Syncing', color: 'blue.9' },
  connected: { label: 'Connected', color: 'teal.9' },
  error: { label: 'Sync failed', color: 'red.9' },
} as const;

/** The account's state, and for a failed sync the provider's message, so that the fix is obvious. */
export function CloudAccountStatus({ account, syncing }: { account: CloudAccountDto; syncing: boolean }) {
  if (syncing) {
    return (
      <StatusBadge color="blue.9" leftSection={<Loader size={10} color="blue.9" aria-hidden="true" />}>
        Sync in progress
      </StatusBadge>
    );
  }
  const status = STATUS[account.status];
  return (
    <Stack gap={4} align="flex-start">
      <StatusBadge color={status.color}>{status.label}</StatusBadge>
      {account.status === 'error' && account.sync_error && (
        <Text size="xs" c="red.9" maw={320}>
          {account.sync_error}
        </Text>
      )}
    </Stack>
  );
}
