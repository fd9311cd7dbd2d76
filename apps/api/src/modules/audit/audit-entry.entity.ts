import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditActorType = 'platform_user' | 'user' | 'platform_admin_impersonating' | 'api_key' | 'system';
const ACTOR_TYPE_CHECK = `"actor_type" IN ('platform_user', 'user', 'platform_admin_impersonating', 'api_key', 'system')`;

/** The entry shape both audit logs share (SPEC §7). Rows are append-only. */
export abstract class AuditEntryColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order: keyset pagination and the sealer's order within a transaction. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq: string;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 40 })
  actorType: AuditActorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 320, nullable: true })
  actorEmail: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 40, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  @Column({ name: 'target_name', type: 'varchar', length: 300, nullable: true })
  targetName: string | null;

  @Column({ name: 'impersonation_id', type: 'uuid', nullable: true })
  impersonationId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Record<string, unknown>;

  @Column({ name: 'ip_address', type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  /** The writing transaction's id: the sealer links only entries of transactions that have ended. */
  @Column({ name: 'tx_id', type: 'bigint', insert: false, update: false, default: () => 'keel_current_transaction_id()' })
  txId: string;
}

@Entity('platform_audit_log')
@Check('CHK_platform_audit_log_actor_type', ACTOR_TYPE_CHECK)
@Index('UQ_platform_audit_log_seq', ['seq'], { unique: true })
@Index('IDX_platform_audit_log_org_seq', ['orgId', 'seq'])
@Index('IDX_platform_audit_log_action_seq', ['action', 'seq'])
@Index('IDX_platform_audit_log_actor_seq', ['actorId', 'seq'])
@Index('IDX_platform_audit_log_created_at', ['createdAt'])
@Index('IDX_platform_audit_log_tx_seq', ['txId', 'seq'])
export class PlatformAuditEntry extends AuditEntryColumns {
  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId: string | null;
}

@Entity('audit_log')
@Check('CHK_audit_log_actor_type', ACTOR_TYPE_CHECK)
@Index('UQ_audit_log_seq', ['seq'], { unique: true })
@Index('IDX_audit_log_org_seq', ['orgId', 'seq'])
@Index('IDX_audit_log_org_action_seq', ['orgId', 'action', 'seq'])
@Index('IDX_audit_log_org_actor_seq', ['orgId', 'actorId', 'seq'])
@Index('IDX_audit_log_org_created_at', ['orgId', 'createdAt'])
@Index('IDX_audit_log_tx_seq', ['txId', 'seq'])
export class OrgAuditEntry extends AuditEntryColumns {
  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;
}
