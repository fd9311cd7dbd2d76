import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CloudAccount } from '../cloud-accounts/cloud-account.entity';

/** Columns of every table that belongs to one cloud account and goes with it (SPEC §4 cascade). */
abstract class AccountDataColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;
}

/** The cascading foreign key to the cloud account, named as the migration names it. */
function BelongsToAccount(table: string): PropertyDecorator {
  return (target, key) => {
    ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })(target, key);
    JoinColumn({ name: 'account_id', foreignKeyConstraintName: `FK_${table}_account_id` })(target, key);
  };
}

@Entity('anomaly_alerts')
@Index('IDX_anomaly_alerts_account_id', ['accountId'])
@Index('IDX_anomaly_alerts_org_id', ['orgId'])
export class AnomalyAlert extends AccountDataColumns {
  @BelongsToAccount('anomaly_alerts') account?: CloudAccount;
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt: Date;
  @Column({ type: 'varchar', length: 100 }) service: string;
  @Column({ name: 'expected_amount', type: 'numeric', precision: 14, scale: 4 }) expectedAmount: string;
  @Column({ name: 'actual_amount', type: 'numeric', precision: 14, scale: 4 }) actualAmount: string;
  @Column({ type: 'varchar', length: 8 }) severity: 'low' | 'medium' | 'high';
  @Column({ type: 'varchar', length: 16, default: 'open' }) status: 'open' | 'resolved';
}

@Entity('recommendations')
@Index('IDX_recommendations_account_id', ['accountId'])
@Index('IDX_recommendations_org_id', ['orgId'])
export class Recommendation extends AccountDataColumns {
  @BelongsToAccount('recommendations') account?: CloudAccount;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ name: 'estimated_monthly_savings', type: 'numeric', precision: 14, scale: 4 }) estimatedMonthlySavings: string;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status: 'open' | 'dismissed' | 'applied';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('network_costs')
@Index('IDX_network_costs_account_id', ['accountId'])
@Index('IDX_network_costs_org_id', ['orgId'])
export class NetworkCost extends AccountDataColumns {
  @BelongsToAccount('network_costs') account?: CloudAccount;
  @Column({ type: 'date' }) date: string;
  @Column({ name: 'source_region', type: 'varchar', length: 40 }) sourceRegion: string;
  @Column({ name: 'destination_region', type: 'varchar', length: 40 }) destinationRegion: string;
  @Column({ type: 'numeric', precision: 14, scale: 4 }) amount: string;
}

@Entity('resource_inventory')
@Index('IDX_resource_inventory_account_id', ['accountId'])
@Index('IDX_resource_inventory_org_id', ['orgId'])
export class ResourceInventoryItem extends AccountDataColumns {
  @BelongsToAccount('resource_inventory') account?: CloudAccount;
  @Column({ name: 'resource_type', type: 'varchar', length: 60 }) resourceType: string;
  @Column({ name: 'resource_id', type: 'varchar', length: 200 }) resourceId: string;
  @Column({ type: 'varchar', length: 40 }) region: string;
  @Column({ name: 'monthly_cost', type: 'numeric', precision: 14, scale: 4 }) monthlyCost: string;
}

@Entity('coverage_data')
@Index('IDX_coverage_data_account_id', ['accountId'])
@Index('IDX_coverage_data_org_id', ['orgId'])
export class CoverageData extends AccountDataColumns {
  @BelongsToAccount('coverage_data') account?: CloudAccount;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'varchar', length: 100 }) service: string;
  @Column({ name: 'coverage_percent', type: 'numeric', precision: 5, scale: 2 }) coveragePercent: string;
  @Column({ name: 'utilization_percent', type: 'numeric', precision: 5, scale: 2 }) utilizationPercent: string;
}
