import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { AuditCheckpointService } from '../audit/audit-checkpoint.service';
import { AuditService } from '../audit/audit.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { SYSTEM_CONTEXT } from '../../common/http/request-context';
import { WebhooksService } from '../webhooks/webhooks.service';

const BATCH = 20_000;
// Tables whose rows belong to an org's accounts or users and go before them, biggest first.
const ORG_TABLES = ['cost_rows', 'sync_jobs', 'anomaly_alerts', 'recommendations', 'network_costs', 'resource_inventory', 'coverage_data', 'account_access_grants', 'budgets', 'alert_rules', 'api_usage_hourly', 'sessions'];

/**
 * Hard-deletes orgs whose 7-day grace has passed. Each org first moves to `deleting` under a row
 * lock (a restore racing it either wins before or finds it gone), then its data goes in batches,
 * so even a 10^6-row org never holds one giant transaction. Its org log goes through the audit
 * core's privileged function; the platform log keeps everything, plus `platform.org_deleted`.
 */
@Injectable()
export class OrgPurgeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrgPurgeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointService,
    private readonly clock: ClockService,
    private readonly webhooks: WebhooksService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('org.purge', '*/5 * * * *');
    await this.jobs.work('org.purge', () => this.purgeExpired().then(() => undefined));
  }

  /** Deletes every org past its grace (and finishes any left in `deleting`); returns how many. */
  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (;;) {
      const org = await this.claimNext();
      if (!org) return purged;
      await this.deleteData(org.id);
      await this.transactionHost.withTransaction(async () => {
        await this.transactionHost.tx.query('SELECT keel_purge_org_audit_log($1, $2)', [org.id, this.clock.now()]);
        // The purge anchors the chain at its head: a signed checkpoint there keeps the anchor verifiable.
        await this.checkpoints.checkpointChain(this.transactionHost.tx, org.id);
        await this.transactionHost.tx.query('DELETE FROM organizations WHERE id = $1', [org.id]);
        await this.audit.record({
          action: 'platform.org_deleted',
          actor: { type: 'system', id: null, email: null },
          target: { type: 'organization', id: org.id, name: org.name },
          orgId: org.id,
          logs: 'platform',
          metadata: { slug: org.slug },
          context: SYSTEM_CONTEXT,
        });
        await this.webhooks.emit('org.deleted', { organization: { id: org.id, name: org.name, slug: org.slug } });
      });
      this.logger.log(`Deleted organization ${org.slug} (${org.id}) after its grace period`);
      purged += 1;
    }
  }

  // Moves one expired org to `deleting` under its row lock; orgs already `deleting` (an interrupted run) come back too.
  private async claimNext(): Promise<{ id: string; name: string; slug: string } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [org] = await manager.query(
        `SELECT id, name, slug FROM organizations
          WHERE status = 'deleting' OR (status = 'pending_deletion' AND deletion_scheduled_at <= $1)
          ORDER BY deletion_scheduled_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [this.clock.now()],
      );
      if (!org) return null;
      await manager.query("UPDATE organizations SET status = 'deleting' WHERE id = $1", [org.id]);
      return org;
    });
  }

  private async deleteData(orgId: string): Promise<void> {
    for (const table of ORG_TABLES) await this.deleteInBatches(table, orgId);
    await this.dataSource.query('DELETE FROM cloud_accounts WHERE org_id = $1', [orgId]);
    await this.deleteInBatches('users', orgId);
  }

  private async deleteInBatches(table: string, orgId: string): Promise<void> {
    for (;;) {
      const result = await this.dataSource.query(`DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE org_id = $1 LIMIT ${BATCH})`, [orgId]);
      if ((result?.[1] ?? 0) < BATCH) return;
    }
  }
}
