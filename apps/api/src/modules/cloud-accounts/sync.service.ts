import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In, Raw, type FindOptionsWhere } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { AuditService } from '../audit/audit.service';
import { JobQueueService, type JobAttempt } from '../jobs/job-queue.service';
import { OrgCountersService } from '../orgs/org-counters.service';
import { CloudAccount, type CloudAccountStatus } from './cloud-account.entity';
import { accountTarget, errorCountDelta } from './cloud-account.mapping';
import type { SyncJobDto } from './dto/cloud-account.dto';
import { CLOUD_COST_PROVIDER, ProviderError, type CloudCostProvider, type DailyCost } from './providers/cloud-cost-provider';
import { SyncJob } from './sync-job.entity';
import { SYSTEM_CONTEXT } from '../../common/http/request-context';

const SYNC_WINDOW_DAYS = 90;
const UPSERT_BATCH = 1_000;
/**
 * A sync's queue job expires after this long (a provider must answer well within it): when its process died
 * mid-sync, the queue then runs it again, and an attempt 'running' for longer is taken over or replaced.
 */
const SYNC_EXPIRE_SECONDS = 120;
const SYNC_RETRY_LIMIT = 3;
const SYNC_JOB_OPTIONS = { retryLimit: SYNC_RETRY_LIMIT, retryDelay: 30, retryBackoff: true, expireInSeconds: SYNC_EXPIRE_SECONDS };
const INTERRUPTED = 'The sync was interrupted (its process stopped) and did not finish.';
const GIVEN_UP = `The sync stopped unexpectedly on each of its ${SYNC_RETRY_LIMIT + 1} attempts; sync again later.`;

interface SyncJobData {
  syncJobId: string;
}

/**
 * Syncs billing data through the provider interface, as pg-boss jobs. Cost rows are upserted on
 * (account, date, service), so re-syncing a period never duplicates them; a provider failure puts
 * the account in the error state with the provider's message.
 */
@Injectable()
export class SyncService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncService.name);

  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly jobs: JobQueueService,
    private readonly counters: OrgCountersService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    @Inject(CLOUD_COST_PROVIDER) private readonly provider: CloudCostProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<SyncJobData>('cloud-account.sync', (data, attempt) => this.run(data.syncJobId, attempt));
    await this.jobs.schedule('cloud-account.sync-all', this.config.syncSchedule);
    await this.jobs.work('cloud-account.sync-all', () => this.syncAll().then(() => undefined));
  }

  /**
   * Queues a sync in the current transaction; an account already waiting or syncing keeps its job, unless that
   * attempt was abandoned (running past its expiry: its process died): it is marked failed and a new sync queued.
   */
  async enqueue(account: CloudAccount, trigger: 'manual' | 'scheduled'): Promise<SyncJobDto> {
    const repository = this.transactionHost.tx.getRepository(SyncJob);
    const pending = await repository.findOne({ where: { accountId: account.id, status: In(['queued', 'running']) }, order: { createdAt: 'DESC' } });
    if (pending && !(await this.giveUpIfAbandoned(pending, account))) return toSyncJobDto(pending);
    const job = await repository.save(repository.create({ orgId: account.orgId, accountId: account.id, status: 'queued', trigger, createdAt: this.clock.now() }));
    await this.jobs.send<SyncJobData>('cloud-account.sync', { syncJobId: job.id }, SYNC_JOB_OPTIONS);
    return toSyncJobDto(job);
  }

  /** The scheduled sync of every account that is not already waiting or syncing; returns how many it asked for. */
  async syncAll(): Promise<number> {
    const accounts: Pick<CloudAccount, 'id'>[] = await this.transactionHost.tx
      .getRepository(CloudAccount)
      .createQueryBuilder('account')
      .select('account.id')
      .where(`NOT EXISTS (SELECT 1 FROM sync_jobs j WHERE j.account_id = account.id AND (j.status = 'queued' OR (j.status = 'running' AND j.started_at > :abandonedBefore)))`, {
        abandonedBefore: this.abandonedBefore(),
      })
      .getMany();
    let requested = 0;
    for (const { id } of accounts) {
      await this.transactionHost.withTransaction(async () => {
        // Locked first, as a requested sync and a starting one lock it; an account deleted meanwhile is skipped.
        const account = await this.lockAccount(id);
        if (!account) return;
        await this.enqueue(account, 'scheduled');
        requested += 1;
      });
    }
    return requested;
  }

  /** Runs one sync job (the pg-boss worker). */
  async run(syncJobId: string, attempt: JobAttempt = { final: false }): Promise<void> {
    const started = await this.transactionHost.withTransaction(() => this.start(syncJobId));
    if (!started) return;
    const { job, account } = started;
    const to = this.clock.now();
    to.setUTCDate(to.getUTCDate() - 1);
    const from = new Date(to.getTime() - (SYNC_WINDOW_DAYS - 1) * 86_400_000);
    try {
      let costs: DailyCost[];
      try {
        costs = await this.provider.fetchDailyCosts(account, from.toISOString().slice(0, 10), to.toISOString().slice(0, 10));
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        await this.transactionHost.withTransaction(() => this.fail(job, account, error.message));
        return;
      }
      await this.transactionHost.withTransaction(() => this.succeed(job, account, costs));
    } catch (error) {
      if (attempt.final) {
        this.logger.error({ err: error, syncJobId }, 'Cloud account sync given up');
        await this.transactionHost.withTransaction(() => this.fail(job, account, GIVEN_UP));
        return;
      }
      // Unexpected (a network blip, a lost connection): the job goes back to 'queued' for the queue's retry,
      // which would otherwise skip a 'running' job and leave the account 'syncing' for good.
      await this.transactionHost.withTransaction(() =>
        this.transactionHost.tx.getRepository(SyncJob).update(attemptOf(job), { status: 'queued', startedAt: null }),
      );
      throw error;
    }
  }

  private async start(syncJobId: string): Promise<{ job: SyncJob; account: CloudAccount } | null> {
    const manager = this.transactionHost.tx;
    const found = await manager.getRepository(SyncJob).findOneBy({ id: syncJobId });
    if (!found) return null; // deleted with its account
    // The account first, then its job: the order in which deleting the account and finishing a sync lock
    // them, so that a sync starting meanwhile cannot deadlock with either.
    const account = await this.lockAccount(found.accountId);
    if (!account) return null;
    const job = await manager.getRepository(SyncJob).createQueryBuilder('job').setLock('pessimistic_write').where('job.id = :syncJobId', { syncJobId }).getOne();
    if (!job) return null;
    const abandoned = this.isAbandoned(job);
    if (job.status !== 'queued' && !abandoned) return null; // already handled, or running elsewhere
    if (abandoned) this.logger.warn({ syncJobId, startedAt: job.startedAt }, 'Taking over a sync whose attempt did not finish');
    job.status = 'running';
    job.startedAt = this.clock.now();
    await manager.getRepository(SyncJob).update({ id: job.id }, { status: 'running', startedAt: job.startedAt });
    await this.setStatus(account, 'syncing', { syncError: account.syncError });
    return { job, account };
  }

  private async succeed(job: SyncJob, account: CloudAccount, costs: DailyCost[]): Promise<void> {
    const manager = this.transactionHost.tx;
    const current = await this.lockAttempt(job, account);
    if (!current) return;
    let inserted = 0;
    for (let start = 0; start < costs.length; start += UPSERT_BATCH) {
      const batch = costs.slice(start, start + UPSERT_BATCH);
      const values = batch.map((_, row) => `($1, $2, $3, $${row * 4 + 4}::date, $${row * 4 + 5}, $${row * 4 + 6}::numeric, $${row * 4 + 7})`);
      const rows: { inserted: boolean }[] = await manager.query(
        `INSERT INTO cost_rows (org_id, account_id, provider, date, service, amount, currency) VALUES ${values.join(', ')}
         ON CONFLICT (account_id, date, service) DO UPDATE SET amount = EXCLUDED.amount, currency = EXCLUDED.currency
         RETURNING (xmax = 0) AS inserted`,
        [account.orgId, account.id, account.provider, ...batch.flatMap((cost) => [cost.date, cost.service, cost.amount, cost.currency])],
      );
      inserted += rows.filter((row) => row.inserted).length;
    }
    const now = this.clock.now();
    await this.setStatus(current, 'connected', { syncError: null, lastSyncedAt: now, costRowCount: String(Number(current.costRowCount) + inserted) });
    await this.counters.adjust(account.orgId, { costRows: inserted, lastSyncAt: now });
    await manager.getRepository(SyncJob).update({ id: job.id }, { status: 'succeeded', rowsWritten: costs.length, finishedAt: now });
    await this.recordOutcome('cloud_account.synced', current, { sync_job_id: job.id, trigger: job.trigger, rows_written: costs.length, rows_added: inserted });
  }

  private async fail(job: SyncJob, account: CloudAccount, message: string): Promise<void> {
    const manager = this.transactionHost.tx;
    const current = await this.lockAttempt(job, account);
    if (!current) return;
    await this.setStatus(current, 'error', { syncError: message });
    await manager.getRepository(SyncJob).update({ id: job.id }, { status: 'failed', error: message, finishedAt: this.clock.now() });
    await this.recordOutcome('cloud_account.sync_failed', current, { sync_job_id: job.id, trigger: job.trigger, error: message });
    this.logger.warn({ accountId: account.id, error: message }, 'Cloud account sync failed');
  }

  /**
   * Locks the account, then this attempt's job (start's order), and returns the account; null when the account was
   * deleted meanwhile or the attempt was superseded (taken over or replaced after it outlived its expiry).
   */
  private async lockAttempt(job: SyncJob, account: CloudAccount): Promise<CloudAccount | null> {
    const current = await this.lockAccount(account.id);
    if (!current) return null;
    const stillOurs = await this.transactionHost.tx.getRepository(SyncJob).findOne({ where: attemptOf(job), lock: { mode: 'pessimistic_write' } });
    return stillOurs ? current : null;
  }

  private lockAccount(id: string): Promise<CloudAccount | null> {
    return this.transactionHost.tx.getRepository(CloudAccount).createQueryBuilder('account').setLock('pessimistic_write').where('account.id = :id', { id }).getOne();
  }

  /** Marks an abandoned attempt failed (and says so in the org's log); false when the job is not abandoned. */
  private async giveUpIfAbandoned(job: SyncJob, account: CloudAccount): Promise<boolean> {
    if (!this.isAbandoned(job)) return false;
    const now = this.clock.now();
    const { affected } = await this.transactionHost.tx.getRepository(SyncJob).update(attemptOf(job), { status: 'failed', error: INTERRUPTED, finishedAt: now });
    if (!affected) return false; // taken over meanwhile: it is running again
    await this.recordOutcome('cloud_account.sync_failed', account, { sync_job_id: job.id, trigger: job.trigger, error: INTERRUPTED });
    return true;
  }

  // An attempt 'running' since before its queue job would have expired: its process is gone.
  private isAbandoned(job: SyncJob): boolean {
    return job.status === 'running' && job.startedAt !== null && job.startedAt <= this.abandonedBefore();
  }

  private abandonedBefore(): Date {
    return new Date(this.clock.now().getTime() - SYNC_EXPIRE_SECONDS * 1000);
  }

  private async setStatus(account: CloudAccount, status: CloudAccountStatus, changes: Partial<CloudAccount>): Promise<void> {
    const delta = errorCountDelta(account.status, status);
    await this.transactionHost.tx.getRepository(CloudAccount).update({ id: account.id }, { ...changes, status, updatedAt: this.clock.now() });
    if (delta) await this.counters.adjust(account.orgId, { errors: delta });
    account.status = status;
  }

  // The outcome belongs in the org's own log; the platform log would drown in scheduled syncs.
  private recordOutcome(action: string, account: CloudAccount, metadata: Record<string, unknown>): Promise<void> {
    return this.audit.record({ action, actor: { type: 'system', id: null, email: null }, target: accountTarget(account), orgId: account.orgId, logs: 'org', metadata, context: SYSTEM_CONTEXT });
  }
}

/**
 * The job row as long as it is still this attempt's: running, since the start this attempt wrote. Compared to the
 * millisecond, the precision of the JavaScript time the attempt holds (PostgreSQL keeps microseconds).
 */
function attemptOf(job: SyncJob): FindOptionsWhere<SyncJob> {
  return { id: job.id, status: 'running', startedAt: Raw((column) => `date_trunc('milliseconds', ${column}) = :startedAt`, { startedAt: job.startedAt }) };
}

export function toSyncJobDto(job: SyncJob): SyncJobDto {
  return {
    id: job.id,
    account_id: job.accountId,
    status: job.status,
    trigger: job.trigger,
    rows_written: job.rowsWritten,
    error: job.error,
    created_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}
