import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../orgs/organization.entity';
import type { TenantHealth } from './health-rules';

/** An org's health as last computed from its hourly API usage (refreshed every minute). */
@Entity('tenant_health')
// Worst first, then by name: the support console's default order, read from the index.
@Index('IDX_tenant_health_worst_first', ['severityRank', 'orgName', 'orgId'])
@Check('CHK_tenant_health_health', `"health" IN ('healthy', 'warning', 'critical', 'unknown')`)
export class TenantHealthRecord {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_tenant_health_org_id' })
  organization?: Organization;

  @Column({ name: 'calls_24h', type: 'integer' })
  calls24h: number;

  @Column({ name: 'errors_24h', type: 'integer' })
  errors24h: number;

  @Column({ name: 'baseline_per_day', type: 'numeric', precision: 14, scale: 2 })
  baselinePerDay: string;

  @Column({ name: 'error_rate', type: 'numeric', precision: 6, scale: 2, nullable: true })
  errorRate: string | null;

  @Index('IDX_tenant_health_health')
  @Column({ type: 'varchar', length: 8 })
  health: TenantHealth;

  @Column({ type: 'varchar', length: 300 })
  reason: string;

  /** 0 critical, 1 warning, 2 unknown, 3 healthy (written with the health). */
  @Column({ name: 'severity_rank', type: 'smallint', default: 3 })
  severityRank: number;

  /** The org's name when the health was last computed: the sort key of the worst-first order. */
  @Column({ name: 'org_name', type: 'varchar', length: 200, default: '' })
  orgName: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
