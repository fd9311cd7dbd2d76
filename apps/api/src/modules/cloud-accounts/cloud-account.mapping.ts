import type { CloudAccount, CloudAccountStatus } from './cloud-account.entity';
import type { CloudAccountDto } from './dto/cloud-account.dto';

export function accountTarget(account: CloudAccount) {
  return { type: 'cloud_account', id: account.id, name: account.name };
}

/** How the org's error counter moves when an account goes from one status to another. */
export function errorCountDelta(from: CloudAccountStatus, to: CloudAccountStatus): number {
  return (to === 'error' ? 1 : 0) - (from === 'error' ? 1 : 0);
}

export function toCloudAccountDto(account: CloudAccount): CloudAccountDto {
  return {
    id: account.id,
    name: account.name,
    provider: account.provider,
    external_id: account.externalId,
    status: account.status,
    sync_error: account.syncError,
    last_synced_at: account.lastSyncedAt?.toISOString() ?? null,
    cost_row_count: Number(account.costRowCount),
    created_at: account.createdAt.toISOString(),
  };
}
