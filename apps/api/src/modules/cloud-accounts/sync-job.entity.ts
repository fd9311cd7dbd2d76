import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CloudAccount } from './cloud-account.entity';

export type SyncJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One sync of a cloud account's billing data, manual or scheduled. */
@Entity('sync_jobs')
@Index('IDX_sync_jobs_account_created', ['accountId', 'createdAt'])
@Index('IDX_sync_jobs_org_created', ['orgId', 'createdAt'])
@Check('CHK_sync_jobs_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('CHK_sync_jobs_trigger', `"trigger" IN ('manual', 'scheduled')`)
export class SyncJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_sync_jobs_account_id' })
  account?: CloudAccount;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: SyncJobStatus;

  @Column({ type: 'varchar', length: 16 })
  trigger: 'manual' | 'scheduled';

  @Column({ name: 'rows_written', type: 'integer', default: 0 })
  rowsWritten: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
