import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PlatformRole } from '@keel/shared';
import { PlatformUser } from '../staff/platform-user.entity';

/** An integrator's key: acts on /platform/** with its role (SPEC §11). The secret itself is never stored. */
@Entity('api_keys')
@Unique('UQ_api_keys_key_hash', ['keyHash'])
@Check('CHK_api_keys_role', `"role" IN ('super_admin', 'support_admin')`)
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: PlatformRole;

  /** The key's first 12 characters, to recognise it in lists and logs. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => PlatformUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_api_keys_created_by' })
  creator?: PlatformUser;

  @Index('IDX_api_keys_created_at')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
