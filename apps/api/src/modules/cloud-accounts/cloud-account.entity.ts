import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../orgs/organization.entity';

export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];
export type CloudAccountStatus = 'pending' | 'syncing' | 'connected' | 'error';

/** A customer's AWS, Azure or GCP account whose billing data Keel syncs. */
@Entity('cloud_accounts')
// The newest failures first, for the platform's sync health.
@Index('IDX_cloud_accounts_failing', ['updatedAt', 'id'], { where: `"status" = 'error'` })
@Index('UQ_cloud_accounts_external', ['orgId', 'provider', 'externalId'], { unique: true })
@Check('CHK_cloud_accounts_provider', `"provider" IN ('aws', 'azure', 'gcp')`)
@Check('CHK_cloud_accounts_status', `"status" IN ('pending', 'syncing', 'connected', 'error')`)
export class CloudAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_cloud_accounts_org_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  provider: CloudProvider;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId: string;

  @Index('IDX_cloud_accounts_status')
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: CloudAccountStatus;

  @Column({ name: 'sync_error', type: 'text', nullable: true })
  syncError: string | null;

  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true })
  lastSyncedAt: Date | null;

  /** Its cost rows, so that deleting the account adjusts the org's counter without counting them. */
  @Column({ name: 'cost_row_count', type: 'bigint', default: 0 })
  costRowCount: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
