import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrgPlan, OrgStatus } from '@keel/shared';

@Entity('organizations')
// The org list sorts on each of these, with the id as tie-breaker (keyed by (column, id) in both directions).
@Index('IDX_organizations_name_id', ['name', 'id'])
@Index('IDX_organizations_created_at_id', ['createdAt', 'id'])
@Index('IDX_organizations_user_count_id', ['userCount', 'id'])
@Index('IDX_organizations_last_sync_at_id', ['lastSyncAt', 'id'])
@Index('IDX_organizations_plan_id', ['plan', 'id'])
@Index('IDX_organizations_status_id', ['status', 'id'])
@Index('IDX_organizations_account_count_id', ['accountCount', 'id'])
@Index('IDX_organizations_error_count_id', ['errorCount', 'id'])
// "Most recently synced first" keeps the never-synced orgs last: DESC NULLS LAST, which TypeORM cannot declare.
@Index('IDX_organizations_last_sync_at_desc_id', { synchronize: false })
@Check('CHK_organizations_plan', `"plan" IN ('free', 'pro', 'enterprise')`)
@Check('CHK_organizations_status', `"status" IN ('pending', 'active', 'suspended', 'rejected', 'pending_deletion', 'deleting')`)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('UQ_organizations_slug', { unique: true })
  @Column({ type: 'varchar', length: 63 })
  slug: string;

  @Column({ type: 'varchar', length: 16, default: 'free' })
  plan: OrgPlan;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: OrgStatus;

  /** Every user must enroll TOTP at their next sign-in. */
  @Column({ name: 'require_2fa', type: 'boolean', default: false })
  requireTwoFactor: boolean;

  /** The owner's consent to platform support sessions (SPEC §6). */
  @Column({ name: 'allow_platform_impersonation', type: 'boolean', default: true })
  allowPlatformImpersonation: boolean;

  // Counters kept current in the transaction of each change, so that dashboards never count big tables.
  @Column({ name: 'user_count', type: 'integer', default: 0 })
  userCount: number;

  @Column({ name: 'account_count', type: 'integer', default: 0 })
  accountCount: number;

  /** Cloud accounts currently in the error state. */
  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  @Column({ name: 'cost_row_count', type: 'bigint', default: 0 })
  costRowCount: string;

  @Column({ name: 'last_sync_at', type: 'timestamptz', nullable: true })
  lastSyncAt: Date | null;

  /** Why staff suspended (or rejected) the org. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** When the 7-day grace of a pending deletion ends. */
  @Index('IDX_organizations_deletion_scheduled_at', { where: '"deletion_scheduled_at" IS NOT NULL' })
  @Column({ name: 'deletion_scheduled_at', type: 'timestamptz', nullable: true })
  deletionScheduledAt: Date | null;

  /** The status a restore returns to. */
  @Column({ name: 'status_before_deletion', type: 'varchar', length: 16, nullable: true })
  statusBeforeDeletion: OrgStatus | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
