import type { CloudAccountDto } from '@keel/api-client';

export type SyncOutcome = 'running' | 'succeeded' | 'failed';

/** What polling has seen of one sync so far. */
export type SyncProgress = { sawSyncing: boolean; polls: number };

// A failing account that fails again between two polls looks unchanged (still `error`, same message):
// after this many polls without seeing it sync, its sync is taken to have failed again.
const POLLS_BEFORE_ASSUMING_REPEATED_FAILURE = 8;

/**
 * Whether a sync requested when the account looked like `before` has finished, judged from the account
 * alone (the API offers no sync-job endpoint): a success moves `last_synced_at`; a failure ends in `error`.
 */
export function syncOutcome(before: CloudAccountDto, now: CloudAccountDto, progress: SyncProgress): SyncOutcome {
  if (now.status === 'syncing') return 'running';
  if (now.status === 'connected' && now.last_synced_at !== before.last_synced_at) return 'succeeded';
  if (now.status === 'error') {
    const visiblyNew = before.status !== 'error' || progress.sawSyncing || now.sync_error !== before.sync_error;
    if (visiblyNew || progress.polls >= POLLS_BEFORE_ASSUMING_REPEATED_FAILURE) return 'failed';
  }
  return 'running';
}
