import type { CloudAccountDto } from '@keel/api-client';
import { describe, expect, it } from 'vitest';
import { cloudAccount } from '../testing/tenant-fixtures';
import { syncOutcome } from './sync-outcome';

const account = (overrides: Partial<CloudAccountDto> = {}) => cloudAccount({ last_synced_at: '2026-11-30T08:00:00.000Z', ...overrides });
const firstPoll = { sawSyncing: false, polls: 1 };

describe('syncOutcome', () => {
  it('is running while the job waits in the queue or syncs', () => {
    expect(syncOutcome(account(), account(), firstPoll)).toBe('running');
    expect(syncOutcome(account(), account({ status: 'syncing' }), firstPoll)).toBe('running');
  });

  it('has succeeded once the account is connected with a newer last sync', () => {
    expect(syncOutcome(account({ status: 'pending', last_synced_at: null }), account({ last_synced_at: '2026-11-30T09:00:00.000Z' }), firstPoll)).toBe('succeeded');
  });

  it('has failed once a healthy account turns to error', () => {
    expect(syncOutcome(account(), account({ status: 'error', sync_error: 'AccessDenied' }), firstPoll)).toBe('failed');
  });

  it('waits a few polls before taking an account that was already failing to have failed again', () => {
    const failing = account({ status: 'error', sync_error: 'AccessDenied' });
    expect(syncOutcome(failing, failing, firstPoll)).toBe('running');
    expect(syncOutcome(failing, failing, { sawSyncing: true, polls: 2 })).toBe('failed');
    expect(syncOutcome(failing, failing, { sawSyncing: false, polls: 8 })).toBe('failed');
  });
});
