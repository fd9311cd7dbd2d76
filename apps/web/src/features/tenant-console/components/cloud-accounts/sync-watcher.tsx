import { notifications } from '@mantine/notifications';
import type { CloudAccountDto } from '@keel/api-client';
import { useEffect, useRef } from 'react';
import { formatCount } from '../../../../lib/format';
import { cloudAccountsResource, usePolledCloudAccount } from '../../api/cloud-accounts';
import { useInvalidateResource } from '../../api/org-resource';
import { syncOutcome } from '../../utils/sync-outcome';

const POLL_MILLISECONDS = 1_000;
const GIVE_UP_AFTER_MILLISECONDS = 90_000;

type SyncWatcherProps = { before: CloudAccountDto; onSettled: () => void };

/**
 * Follows one background sync: reads the account every second until the sync has visibly ended, then
 * refreshes the accounts, the costs and the dashboard, and says how it went. Renders nothing.
 */
export function SyncWatcher({ before, onSettled }: SyncWatcherProps) {
  const polled = usePolledCloudAccount(before.id, POLL_MILLISECONDS);
  const progress = useRef({ sawSyncing: false, polls: 0, startedAt: Date.now() });
  const invalidate = useInvalidateResource(cloudAccountsResource);
  const { data, dataUpdatedAt, isError } = polled;

  useEffect(() => {
    if (isError) return onSettled(); // deleted meanwhile, or unreachable: the list will tell
    if (!data) return;
    progress.current.polls += 1;
    progress.current.sawSyncing ||= data.status === 'syncing';
    const outcome = syncOutcome(before, data, progress.current);
    if (outcome === 'running' && Date.now() - progress.current.startedAt < GIVE_UP_AFTER_MILLISECONDS) return;
    void invalidate();
    notifications.show(
      outcome === 'succeeded'
        ? { color: 'teal', title: 'Sync finished', message: `${data.name} is up to date: ${formatCount(data.cost_row_count)} cost rows.` }
        : outcome === 'failed'
          ? { color: 'red', title: 'Sync failed', message: `${data.name}: ${data.sync_error ?? 'the provider refused the request'}` }
          : { color: 'blue', title: 'Sync still running', message: `${data.name} is still syncing; its costs appear when it ends.` },
    );
    onSettled();
    // Judged once per answer of the poll, not on every render.
  }, [dataUpdatedAt, isError]);

  return null;
}
