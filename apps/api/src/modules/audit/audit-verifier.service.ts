import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { MetricsService } from '../health/metrics.service';
import { checkpointSignatureHolds } from './audit-checkpoint';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { chainHash, GENESIS_HASH, hashableColumns, type HashableEntry } from './audit-hash';
import { AUDIT_TABLES, type AuditLogName } from './audit-sealer.service';

const BATCH_SIZE = 5_000;
// Only entries past the sealer's horizon can be unsealed.
const NOT_SEALED = 'NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  unsealed: number;
  first_broken_id: string | null;
  anchor_index: number | null;
  signed_through: number | null;
  first_broken_checkpoint: number | null;
}

/**
 * Recomputes a hash chain from its latest signed anchor (or the start) and reports the first entry
 * whose link does not hold: an altered or deleted entry, a missing or altered seal, a cut-off tail.
 * Signed checkpoints (AuditCheckpointService) must carry a valid signature and agree with the
 * recomputed chain; an anchor counts only when a checkpoint vouches for it, so neither a forged
 * anchor nor a rewritten chain passes without the signing key.
 */
@Injectable()
export class AuditVerifierService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditVerifierService.name);
  private readonly brokenChains: Gauge;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly checkpoints: AuditCheckpointService,
    metrics: MetricsService,
  ) {
    this.brokenChains = new Gauge({ name: 'keel_audit_chains_broken', help: 'Audit hash chains that failed the last scheduled verification', registers: [metrics.registry] });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('audit.verify', this.config.auditVerifySchedule);
    await this.jobs.work('audit.verify', () => this.verifyAll().then(() => undefined));
  }

  verifyPlatform(): Promise<ChainVerification> {
    return this.verify('platform', 'platform');
  }

  verifyOrg(orgId: string): Promise<ChainVerification> {
    return this.verify('org', orgId);
  }

  /** The scheduled check: every chain; a break raises the metric and an error log line. */
  async verifyAll(): Promise<number> {
    const chains: { chain_key: string }[] = await this.dataSource.query('SELECT chain_key FROM audit_chain_heads ORDER BY chain_key');
    let broken = 0;
    for (const { chain_key: chainKey } of chains) {
      const result = chainKey === 'platform' ? await this.verifyPlatform() : await this.verifyOrg(chainKey);
      if (!result.ok) {
        broken += 1;
        this.logger.error({ chain: chainKey, first_broken_id: result.first_broken_id }, 'Audit chain verification FAILED: the log was altered');
      }
    }
    this.brokenChains.set(broken);
    return broken;
  }

  private async verify(log: AuditLogName, chainKey: string): Promise<ChainVerification> {
    const { signed, firstForged } = await this.loadCheckpoints(chainKey);
    const anchors: { chain_index: string; hash: string }[] = await this.dataSource.query(
      'SELECT chain_index::text AS chain_index, hash FROM audit_anchors WHERE chain_key = $1 ORDER BY chain_index DESC',
      [chainKey],
    );
    // An unsigned (later or forged) anchor is passed over: the rows it claims to replace then show as a break.
    const anchor = anchors.find((candidate) => signed.get(BigInt(candidate.chain_index)) === candidate.hash);
    let brokenCheckpoint: bigint | null = null;
    let signedThrough: bigint | null = null;
    // The head before the links: every link up to it is there when they are read, and links the sealer adds
    // meanwhile are left to the next verification (read after the links, a head moved on looked like a cut-off tail).
    const [head]: { last_index: string; last_hash: string }[] = await this.dataSource.query('SELECT last_index::text AS last_index, last_hash FROM audit_chain_heads WHERE chain_key = $1', [chainKey]);
    let expectedIndex = anchor ? BigInt(anchor.chain_index) + 1n : 1n;
    let previousHash: string = anchor?.hash ?? GENESIS_HASH;
    let checked = 0;
    let firstBrokenId: string | null = null;

    while (!firstBrokenId) {
      const links: (HashableEntry & { entry_id: string; chain_index: string; prev_hash: string; hash: string; present: boolean })[] = await this.dataSource.query(
        `SELECT s.entry_id, s.chain_index::text AS chain_index, s.prev_hash, s.hash, e.id IS NOT NULL AS present, ${hashableColumns('e')}
           FROM audit_seals s LEFT JOIN ${AUDIT_TABLES[log]} e ON e.id = s.entry_id
          WHERE s.chain_key = $1 AND s.chain_index >= $2 AND ($3::bigint IS NULL OR s.chain_index <= $3::bigint)
          ORDER BY s.chain_index LIMIT ${BATCH_SIZE}`,
        [chainKey, expectedIndex.toString(), head?.last_index ?? null],
      );
      if (links.length === 0) break;
      for (const link of links) {
        const intact = link.present && BigInt(link.chain_index) === expectedIndex && link.prev_hash === previousHash && chainHash(previousHash, link) === link.hash;
        const vouched = signed.get(expectedIndex);
        if (!intact || (vouched !== undefined && vouched !== link.hash)) {
          firstBrokenId = link.entry_id;
          if (intact) brokenCheckpoint = expectedIndex;
          break;
        }
        if (vouched !== undefined) signedThrough = expectedIndex;
        checked += 1;
        previousHash = link.hash;
        expectedIndex += 1n;
      }
      if (links.length < BATCH_SIZE) break;
    }

    // A tail cut off (entries and their seals deleted) shows as a head the chain no longer reaches;
    // no entry is left to name, so first_broken_id stays null.
    const tailIntact = firstBrokenId !== null || !head || (BigInt(head.last_index) === expectedIndex - 1n && head.last_hash === previousHash);
    // A checkpoint past the end of an otherwise intact chain: its tail was cut, head included.
    if (!firstBrokenId && brokenCheckpoint === null) brokenCheckpoint = [...signed.keys()].find((index) => index >= expectedIndex) ?? null;
    if (firstForged !== null && (brokenCheckpoint === null || firstForged < brokenCheckpoint)) brokenCheckpoint = firstForged;
    const unsealed = await this.countUnsealed(log, chainKey);
    return {
      ok: !firstBrokenId && tailIntact && brokenCheckpoint === null,
      checked,
      unsealed,
      first_broken_id: firstBrokenId,
      anchor_index: anchor ? Number(anchor.chain_index) : null,
      signed_through: signedThrough === null ? null : Number(signedThrough),
      first_broken_checkpoint: brokenCheckpoint === null ? null : Number(brokenCheckpoint),
    };
  }

  /** The chain's checkpoints whose signature holds (index → hash, ascending), and the first whose signature does not. */
  private async loadCheckpoints(chainKey: string): Promise<{ signed: Map<bigint, string>; firstForged: bigint | null }> {
    const rows: { chain_index: string; hash: string; entry_count: string; created_at: Date; key_id: string; signature: string }[] = await this.dataSource.query(
      'SELECT chain_index::text AS chain_index, hash, entry_count::text AS entry_count, created_at, key_id, signature FROM audit_checkpoints WHERE chain_key = $1 ORDER BY chain_index',
      [chainKey],
    );
    const signed = new Map<bigint, string>();
    let firstForged: bigint | null = null;
    for (const row of rows) {
      const statement = { chain_key: chainKey, chain_index: row.chain_index, hash: row.hash, entry_count: row.entry_count, created_at: row.created_at.toISOString(), key_id: row.key_id };
      if (checkpointSignatureHolds(statement, row.signature, this.checkpoints.verificationKeys)) signed.set(BigInt(row.chain_index), row.hash);
      else firstForged ??= BigInt(row.chain_index);
    }
    return { signed, firstForged };
  }

  private async countUnsealed(log: AuditLogName, chainKey: string): Promise<number> {
    const [{ horizon }] = await this.dataSource.query('SELECT horizon::text AS horizon FROM audit_sealer_state WHERE log = $1', [log]);
    const [{ count }] =
      log === 'platform'
        ? await this.dataSource.query(`SELECT count(*)::int AS count FROM platform_audit_log e WHERE e.tx_id >= $1 AND ${NOT_SEALED}`, [horizon])
        : await this.dataSource.query(`SELECT count(*)::int AS count FROM audit_log e WHERE e.tx_id >= $1 AND e.org_id = $2 AND ${NOT_SEALED}`, [horizon, chainKey]);
    return count;
  }
}
