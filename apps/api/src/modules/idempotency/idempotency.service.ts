import { ConflictException, Injectable, OnApplicationBootstrap, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';

const KEEP_MILLISECONDS = 24 * 3_600_000;
// A claim whose request never finished (its replica died) may be taken over after this long.
const ABANDONED_AFTER_MILLISECONDS = 60_000;

export type IdempotencyClaim = { outcome: 'claimed' } | { outcome: 'replay'; status: number; body: unknown };

/**
 * Idempotency-Key (SPEC §11) on PostgreSQL, so that every replica sees every key: the first request
 * claims the key (committed at once, so that a concurrent twin finds it), and its answer is kept
 * for 24 hours for replays.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: ClockService, private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('idempotency.purge', '17 * * * *');
    await this.jobs.work('idempotency.purge', () => this.purgeExpired());
  }

  async claim(caller: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    const [claimed]: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (caller, key, request_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (caller, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= $4
            OR (idempotency_keys.response_status IS NULL AND idempotency_keys.created_at <= $6)
       RETURNING 1`,
      [caller, key, requestHash, now, new Date(now.getTime() + KEEP_MILLISECONDS), new Date(now.getTime() - ABANDONED_AFTER_MILLISECONDS)],
    );
    if (claimed) return { outcome: 'claimed' };
    const [existing]: { request_hash: string; response_status: number | null; response_body: unknown }[] = await this.dataSource.query(
      'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    if (!existing) return this.claim(caller, key, requestHash); // released meanwhile: try again
    if (existing.request_hash !== requestHash) throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
    if (existing.response_status === null) throw new ConflictException('A request with this Idempotency-Key is still in progress; retry shortly');
    return { outcome: 'replay', status: existing.response_status, body: existing.response_body };
  }

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE caller = $1 AND key = $2', [caller, key, status, JSON.stringify(body ?? null)]);
  }

  /** The request failed: nothing was done, so a retry with the key may do it. */
  async release(caller: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND response_status IS NULL', [caller, key]);
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE expires_at <= $1', [this.clock.now()]);
  }
}
