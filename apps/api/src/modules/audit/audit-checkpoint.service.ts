import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { auditKeyId, signCheckpoint, toAuditKeySet, type AuditKeySet, type CheckpointStatement } from './audit-checkpoint';

// Hourly, a few minutes past the hour so that it does not start with the other hourly jobs.
const CHECKPOINT_SCHEDULE = '7 * * * *';

/**
 * Signs, every hour, the head of each chain that advanced (AUDIT_SIGNING_KEY, Ed25519). Checkpoints
 * are never removed, so they keep vouching for the anchors that retention leaves, and they let a
 * CSV export be checked offline against the keys published at /.well-known/keel-audit-keys.json.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditCheckpointService.name);
  private readonly keyId: string;
  /** The signing key's public half first, then the previous keys, by key id. */
  readonly verificationKeys: ReadonlyMap<string, KeyObject>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {
    const publicKey = createPublicKey(config.auditSigningKey);
    this.keyId = auditKeyId(publicKey);
    this.verificationKeys = new Map([[this.keyId, publicKey], ...config.auditPreviousPublicKeys.map((key) => [auditKeyId(key), key] as const)]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('audit.checkpoint', CHECKPOINT_SCHEDULE);
    await this.jobs.work('audit.checkpoint', () => this.checkpointAll().then(() => undefined));
  }

  keySet(): AuditKeySet {
    return toAuditKeySet(this.verificationKeys);
  }

  /** Checkpoints every chain whose head moved since its last checkpoint; returns how many were written. */
  async checkpointAll(): Promise<number> {
    const chains: { chain_key: string }[] = await this.dataSource.query(
      `SELECT h.chain_key FROM audit_chain_heads h
        WHERE h.last_index > coalesce((SELECT max(c.chain_index) FROM audit_checkpoints c WHERE c.chain_key = h.chain_key), 0)
        ORDER BY h.chain_key`,
    );
    let written = 0;
    for (const { chain_key: chainKey } of chains) written += await this.checkpointChain(this.dataSource.manager, chainKey);
    if (written > 0) this.logger.log(`Signed ${written} audit checkpoints`);
    return written;
  }

  /** Signs the chain's head unless it is already checkpointed (also in the caller's transaction, after an org's log was purged). */
  async checkpointChain(manager: EntityManager, chainKey: string): Promise<number> {
    const [head] = await manager.query('SELECT last_index::text AS last_index, last_hash FROM audit_chain_heads WHERE chain_key = $1', [chainKey]);
    if (!head) return 0;
    const [previous] = await manager.query('SELECT max(chain_index)::text AS chain_index FROM audit_checkpoints WHERE chain_key = $1', [chainKey]);
    let written = 0;
    if (!previous.chain_index) {
      // A chain checkpointed for the first time may already have been cut by retention (before checkpoints
      // existed): its latest anchor is vouched for now, trusted on first use.
      const [anchor] = await manager.query(
        'SELECT chain_index::text AS chain_index, hash FROM audit_anchors WHERE chain_key = $1 AND chain_index < $2 ORDER BY chain_index DESC LIMIT 1',
        [chainKey, head.last_index],
      );
      if (anchor) written += await this.insert(manager, chainKey, anchor.chain_index, anchor.hash, '0');
    }
    const after = previous.chain_index ?? '0';
    if (BigInt(head.last_index) > BigInt(after)) written += await this.insert(manager, chainKey, head.last_index, head.last_hash, after);
    return written;
  }

  private async insert(manager: EntityManager, chainKey: string, chainIndex: string, hash: string, previousIndex: string): Promise<number> {
    const statement: CheckpointStatement = {
      chain_key: chainKey,
      chain_index: chainIndex,
      hash,
      entry_count: (BigInt(chainIndex) - BigInt(previousIndex)).toString(),
      created_at: this.clock.now().toISOString(),
      key_id: this.keyId,
    };
    const inserted = await manager.query(
      `INSERT INTO audit_checkpoints (chain_key, chain_index, hash, entry_count, created_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (chain_key, chain_index) DO NOTHING RETURNING id`,
      [statement.chain_key, statement.chain_index, statement.hash, statement.entry_count, statement.created_at, statement.key_id, signCheckpoint(statement, this.config.auditSigningKey)],
    );
    return inserted.length;
  }
}
