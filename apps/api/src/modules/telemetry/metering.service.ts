import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';

const FLUSH_INTERVAL_MILLISECONDS = 5_000;
const ROWS_PER_STATEMENT = 500;
const HOUR_MILLISECONDS = 3_600_000;
const KEEP_DAYS = 35;

interface Bucket {
  orgId: string;
  hour: number;
  calls: number;
  errors: number;
  clientErrors: number;
  lastSeen: number;
}

/**
 * Counts tenant API calls per org and hour in memory and adds them to api_usage_hourly in batches,
 * every few seconds and at shutdown: metering costs no database round trip per request.
 */
@Injectable()
export class MeteringService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MeteringService.name);
  private buckets = new Map<string, Bucket>();
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: ClockService, private readonly jobs: JobQueueService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.logger.error({ err: error }, 'Metering flush failed')), FLUSH_INTERVAL_MILLISECONDS);
    this.timer.unref();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('metering.prune', '25 4 * * *');
    await this.jobs.work('metering.prune', () => this.prune());
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  count(orgId: string, status: number, at: Date): void {
    const time = at.getTime();
    const hour = time - (time % HOUR_MILLISECONDS);
    const key = `${orgId}|${hour}`;
    const bucket = this.buckets.get(key) ?? { orgId, hour, calls: 0, errors: 0, clientErrors: 0, lastSeen: time };
    bucket.calls += 1;
    if (status >= 500) bucket.errors += 1;
    else if (status >= 400) bucket.clientErrors += 1;
    bucket.lastSeen = Math.max(bucket.lastSeen, time);
    this.buckets.set(key, bucket);
  }

  /** Adds the counted calls to the hourly rows; calls of orgs deleted meanwhile are dropped. */
  async flush(): Promise<number> {
    const pending = [...this.buckets.values()];
    this.buckets = new Map();
    for (let start = 0; start < pending.length; start += ROWS_PER_STATEMENT) {
      const batch = pending.slice(start, start + ROWS_PER_STATEMENT);
      try {
        await this.write(batch);
      } catch (error) {
        // Put the counts back so that the next flush tries again: no call is lost to a passing failure.
        for (const bucket of batch) this.merge(bucket);
        throw error;
      }
    }
    return pending.length;
  }

  async prune(): Promise<void> {
    await this.dataSource.query('DELETE FROM api_usage_hourly WHERE hour < $1', [new Date(this.clock.nowMilliseconds() - KEEP_DAYS * 86_400_000)]);
  }

  private async write(batch: Bucket[]): Promise<void> {
    const values = batch.map((_, row) => `($${row * 6 + 1}::uuid, $${row * 6 + 2}::timestamptz, $${row * 6 + 3}::int, $${row * 6 + 4}::int, $${row * 6 + 5}::int, $${row * 6 + 6}::timestamptz)`);
    await this.dataSource.query(
      `INSERT INTO api_usage_hourly (org_id, hour, calls, errors, client_errors, last_seen_at)
       SELECT v.* FROM (VALUES ${values.join(', ')}) AS v(org_id, hour, calls, errors, client_errors, last_seen_at)
       JOIN organizations o ON o.id = v.org_id
       ON CONFLICT (org_id, hour) DO UPDATE SET
         calls = api_usage_hourly.calls + EXCLUDED.calls,
         errors = api_usage_hourly.errors + EXCLUDED.errors,
         client_errors = api_usage_hourly.client_errors + EXCLUDED.client_errors,
         last_seen_at = GREATEST(api_usage_hourly.last_seen_at, EXCLUDED.last_seen_at)`,
      batch.flatMap((bucket) => [bucket.orgId, new Date(bucket.hour), bucket.calls, bucket.errors, bucket.clientErrors, new Date(bucket.lastSeen)]),
    );
  }

  private merge(bucket: Bucket): void {
    const key = `${bucket.orgId}|${bucket.hour}`;
    const current = this.buckets.get(key);
    if (!current) return void this.buckets.set(key, bucket);
    current.calls += bucket.calls;
    current.errors += bucket.errors;
    current.clientErrors += bucket.clientErrors;
    current.lastSeen = Math.max(current.lastSeen, bucket.lastSeen);
  }
}
