import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { chainHash, GENESIS_HASH, hashableColumns, type HashableEntry } from './audit-hash';

export type AuditLogName = 'platform' | 'org';
export const AUDIT_TABLES: Record<AuditLogName, string> = { platform: 'platform_audit_log', org: 'audit_log' };
const BATCH_SIZE = 2_000;
const SEAL_INTERVAL_MILLISECONDS = 1_000;

/** The chain an entry belongs to: the platform log is one chain, each org's log another. */
export function chainKeyOf(log: AuditLogName, orgId: string | null): string {
  return log === 'platform' ? 'platform' : orgId!;
}

/**
 * Links committed entries into their hash chains, in the background, so that writers never wait
 * on a chain lock. One replica seals at a time (advisory lock). Each run seals every committed
 * entry it can see that is not sealed yet, in (transaction id, seq) order, and then moves the
 * log's horizon to the oldest transaction still running: everything older is final and sealed,
 * so later runs only look at entries from there on — a late commit is never skipped.
 */
@Injectable()
export class AuditSealerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: ClockService, private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.isTest) return; // tests seal explicitly, for determinism
    this.timer = setInterval(() => void this.sealPending().catch((error: unknown) => this.logger.error({ err: error }, 'Sealing failed')), SEAL_INTERVAL_MILLISECONDS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Seals everything sealable now; returns how many entries were linked. */
  sealPending(): Promise<number> {
    this.running ??= this.dataSource
      .transaction((manager) => this.sealWith(manager))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async sealWith(manager: EntityManager): Promise<number> {
    // One lock per schema (the purge functions take the same one): no seal for an entry being removed.
    const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.audit_sealer')) AS locked");
    if (!locked) return 0;
    const [{ horizon }] = await manager.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
    let sealed = 0;
    for (const log of ['platform', 'org'] as const) sealed += await this.sealLog(manager, log, horizon as string);
    return sealed;
  }

  private async sealLog(manager: EntityManager, log: AuditLogName, horizon: string): Promise<number> {
    const [{ horizon: from }] = await manager.query('SELECT horizon::text AS horizon FROM audit_sealer_state WHERE log = $1 FOR UPDATE', [log]);
    const heads = new Map<string, { index: bigint; hash: string }>();
    const sealedAt = this.clock.now();
    let sealed = 0;
    let after: [string, string] = [from, '0'];
    for (;;) {
      const entries: HashableEntry[] & { tx_id: string }[] = await manager.query(
        // Rows this statement sees are committed; those past the horizon may have been sealed by an earlier run.
        `SELECT ${hashableColumns('e')}, e.tx_id::text AS tx_id
           FROM ${AUDIT_TABLES[log]} e
          WHERE (e.tx_id, e.seq) > ($1::bigint, $2::bigint)
            AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)
          ORDER BY e.tx_id, e.seq LIMIT ${BATCH_SIZE}`,
        after,
      );
      if (entries.length === 0) break;
      const seals: unknown[] = [];
      for (const entry of entries) {
        const chainKey = chainKeyOf(log, entry.org_id);
        const head = heads.get(chainKey) ?? (await this.loadHead(manager, chainKey));
        const hash = chainHash(head.hash, entry);
        const index = head.index + 1n;
        seals.push(entry.id, chainKey, index.toString(), head.hash, hash, sealedAt);
        heads.set(chainKey, { index, hash });
      }
      const rows = entries.map((_, row) => `($${row * 6 + 1}, $${row * 6 + 2}, $${row * 6 + 3}, $${row * 6 + 4}, $${row * 6 + 5}, $${row * 6 + 6})`);
      await manager.query(`INSERT INTO audit_seals (entry_id, chain_key, chain_index, prev_hash, hash, sealed_at) VALUES ${rows.join(', ')}`, seals);
      sealed += entries.length;
      const last = entries[entries.length - 1] as unknown as { tx_id: string; seq: string };
      after = [last.tx_id, last.seq];
    }
    for (const [chainKey, head] of heads) {
      await manager.query(
        `INSERT INTO audit_chain_heads (chain_key, last_index, last_hash) VALUES ($1, $2, $3)
         ON CONFLICT (chain_key) DO UPDATE SET last_index = EXCLUDED.last_index, last_hash = EXCLUDED.last_hash`,
        [chainKey, head.index.toString(), head.hash],
      );
    }
    if (BigInt(horizon) > BigInt(from)) await manager.query('UPDATE audit_sealer_state SET horizon = $2 WHERE log = $1', [log, horizon]);
    return sealed;
  }

  private async loadHead(manager: EntityManager, chainKey: string): Promise<{ index: bigint; hash: string }> {
    const [head] = await manager.query('SELECT last_index::text AS last_index, last_hash FROM audit_chain_heads WHERE chain_key = $1', [chainKey]);
    return head ? { index: BigInt(head.last_index), hash: head.last_hash } : { index: 0n, hash: GENESIS_HASH };
  }
}
