import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { TenantRole } from '@keel/shared';
import { AccountColumns } from '../auth/account-columns';
import { Organization } from '../orgs/organization.entity';

/** A tenant user: belongs to exactly one organization. */
@Entity('users')
@Index('UQ_users_email', ['email'], { unique: true })
@Check('CHK_users_role', `"role" IN ('owner', 'admin', 'operator', 'viewer')`)
@Check('CHK_users_status', `"status" IN ('invited', 'active', 'disabled')`)
export class User extends AccountColumns {
  @Index('IDX_users_org_id')
  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_users_org_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  role: TenantRole;
}
