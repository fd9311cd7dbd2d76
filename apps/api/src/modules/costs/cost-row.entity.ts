import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CloudAccount, type CloudProvider } from '../cloud-accounts/cloud-account.entity';

/**
 * One day of one service's cost in one cloud account: 10^7+ rows. (account, date, service) is the
 * idempotency key of a sync; per-org reads go through (org_id, date).
 */
@Entity('cost_rows')
@Index('UQ_cost_rows_account_date_service', ['accountId', 'date', 'service'], { unique: true })
@Index('IDX_cost_rows_org_date', ['orgId', 'date'])
export class CostRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_cost_rows_account_id' })
  account?: CloudAccount;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  provider: CloudProvider;

  @Column({ type: 'varchar', length: 100 })
  service: string;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  amount: string;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;
}
