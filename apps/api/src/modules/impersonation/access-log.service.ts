import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One request made under a support session (SPEC §6). */
export interface AccessLogRecord {
  supportSessionId: string;
  method: string;
  path: string;
  status: number;
  requestId: string | null;
  createdAt: Date;
}

// Reads are written at least every second: a crash loses at most the last second of them (SPEC §6).
const FLUSH_INTERVAL_MILLISECONDS = 1_000;
const ROWS_PER_STATEMENT = 500;

/**
 * Keeps the access log of support sessions. A mutating request's record is written before its
 * answer leaves (see AccessLogMiddleware); reads are batched off the request path.
 */
@Injectable()
export class AccessLogService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccessLogService.name);
  private pendingReads: AccessLogRecord[] = [];
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.logger.error({ err: error }, 'Access log flush failed')), FLUSH_INTERVAL_MILLISECONDS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  queueRead(record: AccessLogRecord): void {
    this.pendingReads.push(record);
  }

  /** Reads of one session still waiting for the next flush (for its end-of-session summary). */
  queuedFor(supportSessionId: string): AccessLogRecord[] {
    return this.pendingReads.filter((record) => record.supportSessionId === supportSessionId);
  }

  write(record: AccessLogRecord): Promise<void> {
    return this.insert([record]);
  }

  /** Writes the queued reads; on failure they stay queued for the next attempt. */
  async flush(): Promise<void> {
    const pending = this.pendingReads;
    this.pendingReads = [];
    for (let start = 0; start < pending.length; start += ROWS_PER_STATEMENT) {
      try {
        await this.insert(pending.slice(start, start + ROWS_PER_STATEMENT));
      } catch (error) {
        this.pendingReads.unshift(...pending.slice(start));
        throw error;
      }
    }
  }

  // Records of sessions deleted meanwhile (their org was purged) are dropped by the join.
  private async insert(records: AccessLogRecord[]): Promise<void> {
    if (records.length === 0) return;
    const values = records.map((_, row) => `($${row * 6 + 1}::uuid, $${row * 6 + 2}, $${row * 6 + 3}, $${row * 6 + 4}::smallint, $${row * 6 + 5}, $${row * 6 + 6}::timestamptz)`);
    await this.dataSource.query(
      `INSERT INTO support_session_access_logs (support_session_id, method, path, status, request_id, created_at)
       SELECT v.* FROM (VALUES ${values.join(', ')}) AS v(support_session_id, method, path, status, request_id, created_at)
       JOIN support_sessions s ON s.id = v.support_session_id`,
      records.flatMap((record) => [record.supportSessionId, record.method, record.path, record.status, record.requestId, record.createdAt]),
    );
  }
}
