import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../orgs/organization.entity';

/** Tenant API traffic of one org in one hour: what health and usage are computed from. */
@Entity('api_usage_hourly')
@Index('IDX_api_usage_hourly_hour', ['hour'])
export class ApiUsageHourly {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_api_usage_hourly_org_id' })
  organization?: Organization;

  @PrimaryColumn({ type: 'timestamptz' })
  hour: Date;

  @Column({ type: 'integer', default: 0 })
  calls: number;

  /** Answers with status ≥ 500. */
  @Column({ type: 'integer', default: 0 })
  errors: number;

  /** Answers with status 4xx. */
  @Column({ name: 'client_errors', type: 'integer', default: 0 })
  clientErrors: number;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;
}
