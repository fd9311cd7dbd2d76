import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The hash link of one sealed entry in its chain ('platform', or the org id for an org log). */
@Entity('audit_seals')
@Unique('UQ_audit_seals_chain', ['chainKey', 'chainIndex'])
export class AuditSeal {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @Column({ name: 'chain_key', type: 'varchar', length: 40 })
  chainKey: string;

  @Column({ name: 'chain_index', type: 'bigint' })
  chainIndex: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'sealed_at', type: 'timestamptz' })
  sealedAt: Date;
}

/** A point of a chain, recorded apart from the seals: the columns anchors and checkpoints share. */
abstract class ChainPoint {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'chain_key', type: 'varchar', length: 40 })
  chainKey: string;

  @Column({ name: 'chain_index', type: 'bigint' })
  chainIndex: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Left by every removal (retention, an org's hard delete): the last removed link, where verification resumes. */
@Entity('audit_anchors')
@Index('IDX_audit_anchors_chain', ['chainKey', 'chainIndex'])
export class AuditAnchor extends ChainPoint {
  @Column({ name: 'removed_entries', type: 'bigint' })
  removedEntries: string;

  @Column({ type: 'varchar', length: 40 })
  reason: string;
}

/** Every transaction older than `horizon` has been sealed: the sealer's progress per log. */
@Entity('audit_sealer_state')
export class AuditSealerState {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  log: string;

  @Column({ type: 'bigint' })
  horizon: string;
}

/** The last link of each chain, so that sealing never scans a chain. */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn({ name: 'chain_key', type: 'varchar', length: 40 })
  chainKey: string;

  @Column({ name: 'last_index', type: 'bigint' })
  lastIndex: string;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash: string;
}

/**
 * A signed statement "chain `chainKey` had `hash` at `chainIndex`", written hourly and never removed,
 * so that verification can trust an anchor (and a CSV export) without trusting the database.
 */
@Entity('audit_checkpoints')
@Unique('UQ_audit_checkpoints_chain', ['chainKey', 'chainIndex'])
export class AuditCheckpoint extends ChainPoint {
  /** Entries linked since the chain's previous checkpoint. */
  @Column({ name: 'entry_count', type: 'bigint' })
  entryCount: string;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId: string;

  /** Ed25519 over the checkpoint's canonical form (audit-checkpoint.ts), base64. */
  @Column({ type: 'text' })
  signature: string;
}
