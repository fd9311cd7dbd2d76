import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrgPlan, OrgStatus } from '@keel/shared';

@Entity('organizations')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
