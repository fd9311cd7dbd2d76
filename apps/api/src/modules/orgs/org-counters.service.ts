import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

export interface CounterChanges {
  users?: number;
  accounts?: number;
  errors?: number;
  costRows?: number;
  lastSyncAt?: Date;
}

const COLUMNS = { users: 'user_count', accounts: 'account_count', errors: 'error_count', costRows: 'cost_row_count' } as const;

/**
 * The per-org counters that platform dashboards read instead of counting users, accounts or cost rows.
 * Always called in the transaction of the change they count, so they never drift.
 */
@Injectable()
export class OrgCountersService {
  constructor(private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async adjust(orgId: string, changes: CounterChanges): Promise<void> {
    const assignments: string[] = [];
    const parameters: unknown[] = [orgId];
    for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      const delta = changes[key];
      if (!delta) continue;
      parameters.push(delta);
      assignments.push(`"${column}" = "${column}" + $${parameters.length}`);
    }
    if (changes.lastSyncAt) {
      parameters.push(changes.lastSyncAt);
      assignments.push(`"last_sync_at" = GREATEST(COALESCE("last_sync_at", $${parameters.length}), $${parameters.length})`);
    }
    if (assignments.length === 0) return;
    await this.transactionHost.tx.query(`UPDATE "organizations" SET ${assignments.join(', ')} WHERE "id" = $1`, parameters);
  }

  /** After a synced cloud account is deleted: the org's last sync becomes that of its remaining accounts. */
  async recountLastSyncAt(orgId: string): Promise<void> {
    const manager = this.transactionHost.tx;
    // The org row is locked first, so that the recount (a statement of its own) sees every sync committed before it.
    // NO KEY UPDATE, like the counter updates themselves: FOR UPDATE would deadlock with a concurrent insert referencing the org.
    await manager.query(`SELECT 1 FROM "organizations" WHERE "id" = $1 FOR NO KEY UPDATE`, [orgId]);
    await manager.query(`UPDATE "organizations" SET "last_sync_at" = (SELECT max("last_synced_at") FROM "cloud_accounts" WHERE "org_id" = $1) WHERE "id" = $1`, [orgId]);
  }
}
