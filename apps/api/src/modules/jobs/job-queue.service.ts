import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import PgBoss from 'pg-boss';
import { AppConfig } from '../../config/app-config';
import { DatabaseUrls } from '../../database/database-urls';
import type { JobQueue } from '../../database/migrate';

/**
 * Background jobs in PostgreSQL (pg-boss), shared by every replica. Jobs are queued in the caller's
 * transaction, so a job exists exactly when the change that asked for it committed.
 * Queues are created by the migration owner (see JOB_QUEUES).
 */
@Injectable()
export class JobQueueService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly boss: PgBoss;
  private readonly pollingIntervalSeconds: number;
  private readonly isTest: boolean;
  private handlersRunning = 0;
  private started?: Promise<unknown>;

  constructor(
    config: AppConfig,
    databaseUrls: DatabaseUrls,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {
    // Maintenance (which also fails jobs past their expiry, so that a job whose process was killed runs again)
    // every 30 s instead of pg-boss's 2 minutes.
    this.boss = new PgBoss({ connectionString: databaseUrls.appUrl, schema: databaseUrls.jobSchema, migrate: false, max: 3, maintenanceIntervalSeconds: 30 });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
    this.pollingIntervalSeconds = config.isTest ? 0.5 : 2;
    this.isTest = config.isTest;
  }

  async onModuleInit(): Promise<void> {
    this.started = this.boss.start();
    await this.started;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    // The pool stays open at first: closed while workers still wait for a connection (many queues, three
    // connections), they would wait for ever, and pg-boss would go on checking them every second.
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    // pg-boss stops waiting after its timeout, but a handler still running keeps its worker alive: let it
    // finish, within bounds; its job was failed and will be retried.
    const deadline = Date.now() + 10_000;
    while (this.handlersRunning > 0 && Date.now() < deadline) await sleep(100);
    // pg-boss checks its stopping workers once a second; give it that second, then close the pool.
    await sleep(1_100);
    await (this.boss.getDb() as unknown as { close(): Promise<void> }).close();
  }

  /** Queues a job in the current transaction. */
  async send<Data extends object>(queue: JobQueue, data: Data, options: PgBoss.SendOptions = {}): Promise<void> {
    const manager = this.transactionHost.tx;
    await this.boss.send(queue, data, {
      ...options,
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) },
    });
  }

  /** Runs `handler` for each job of the queue, one at a time per replica; a throw means retry, until the last attempt. */
  async work<Data extends object>(queue: JobQueue, handler: (data: Data, attempt: JobAttempt) => Promise<void>): Promise<void> {
    let workerId: string | undefined;
    const options = { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: 1, includeMetadata: true as const };
    workerId = await this.boss.work<Data>(queue, options, async ([job]) => {
      this.handlersRunning += 1;
      try {
        // pg-boss counts a retry when it hands the job out again, so the last attempt is the one at the limit.
        await handler(job.data, { final: job.retryCount >= job.retryLimit });
      } finally {
        this.handlersRunning -= 1;
      }
      // pg-boss waits a whole polling interval after every job: after a success, fetch the next one at once, so that a
      // burst (many mails, many webhook events) drains at the handlers' pace, not one job per interval. A failure still
      // waits, so that a broken dependency (SMTP down) is not hammered.
      if (workerId) this.boss.notifyWorker(workerId);
    });
  }

  /** A cron schedule, kept once for all replicas. */
  async schedule(queue: JobQueue, cron: string): Promise<void> {
    // Test apps share one database while each moves its own clock: a cron job run by an app whose clock is days
    // ahead would end or purge another test's data. Tests call the jobs' methods themselves.
    if (this.isTest) return;
    await this.boss.schedule(queue, cron, {}, { tz: 'UTC' });
  }
}

/** Which attempt at a job this is: after a throw on the final one, the queue gives the job up. */
export interface JobAttempt {
  final: boolean;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
