import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Principal } from '../../common/decorators/principal.decorator';
import { ClockService } from '../../common/clock/clock.service';
import { actorOf, AuditService, type AuditActor } from './audit.service';
import { SYSTEM_CONTEXT } from '../../common/http/request-context';

const FLUSH_INTERVAL_MILLISECONDS = 60_000;

interface SessionReads {
  actor: AuditActor;
  endpoints: Record<string, number>;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Staff reads are summarised, not logged one by one (SPEC §7): per staff session, the endpoints
 * used and how often, written as `platform.read_summary` every minute and at shutdown.
 */
@Injectable()
export class ReadSummaryService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadSummaryService.name);
  private pending = new Map<string, SessionReads>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly audit: AuditService, private readonly clock: ClockService) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.logger.error({ err: error }, 'Read summary flush failed')), FLUSH_INTERVAL_MILLISECONDS);
    this.timer.unref();
  }

  // Before the database connections close.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  count(principal: Principal, endpoint: string): void {
    const now = this.clock.now();
    const reads = this.pending.get(principal.sessionId) ?? { actor: actorOf(principal), endpoints: {}, firstAt: now, lastAt: now };
    reads.endpoints[endpoint] = (reads.endpoints[endpoint] ?? 0) + 1;
    reads.lastAt = now;
    this.pending.set(principal.sessionId, reads);
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    for (const [sessionId, reads] of batch) {
      await this.audit.recordSeparately({
        action: 'platform.read_summary',
        actor: reads.actor,
        target: { type: 'session', id: sessionId },
        metadata: {
          endpoints: reads.endpoints,
          requests: Object.values(reads.endpoints).reduce((sum, count) => sum + count, 0),
          from: reads.firstAt.toISOString(),
          to: reads.lastAt.toISOString(),
        },
        context: SYSTEM_CONTEXT,
      });
    }
  }
}
