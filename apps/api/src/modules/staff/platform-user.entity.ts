import { Check, Column, Entity, Index } from 'typeorm';
import type { PlatformRole } from '@keel/shared';
import { AccountColumns } from '../auth/account-columns';

/** A member of the platform staff. */
@Entity('platform_users')
@Index('UQ_platform_users_email', ['email'], { unique: true })
@Check('CHK_platform_users_role', `"role" IN ('super_admin', 'support_admin')`)
@Check('CHK_platform_users_status', `"status" IN ('invited', 'active', 'disabled')`)
export class PlatformUser extends AccountColumns {
  @Column({ type: 'varchar', length: 16 })
  role: PlatformRole;
}
