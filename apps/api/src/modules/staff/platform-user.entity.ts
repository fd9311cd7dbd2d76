import { Column, Entity, Index } from 'typeorm';
import type { PlatformRole } from '@keel/shared';
import { AccountColumns } from '../auth/account-columns';

/** A member of the platform staff. */
@Entity('platform_users')
@Index('UQ_platform_users_email', ['email'], { unique: true })
export class PlatformUser extends AccountColumns {
  @Column({ type: 'varchar', length: 16 })
  role: PlatformRole;
}
