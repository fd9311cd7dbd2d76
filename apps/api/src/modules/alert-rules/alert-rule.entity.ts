import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CloudAccount } from '../cloud-accounts/cloud-account.entity';
import { Organization } from '../orgs/organization.entity';

export const ALERT_METRICS = ['daily_cost', 'monthly_cost', 'budget_percent', 'anomaly'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

/** Notify when a metric crosses its threshold, for the org or one of its cloud accounts. */
@Entity('alert_rules')
@Check('CHK_alert_rules_metric', `"metric" IN ('daily_cost', 'monthly_cost', 'budget_percent', 'anomaly')`)
export class AlertRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_alert_rules_org_id')
  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_alert_rules_org_id' })
  organization?: Organization;

  @Index('IDX_alert_rules_account_id')
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_alert_rules_account_id' })
  account?: CloudAccount;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  metric: AlertMetric;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  threshold: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
