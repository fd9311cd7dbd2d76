import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../orgs/organization.entity';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { Realm } from '@keel/shared';

/** One refresh-token family: a signed-in device. Tokens are stored hashed. */
@Entity('sessions')
@Index('IDX_sessions_user_id', ['userId'])
@Index('IDX_sessions_platform_user_id', ['platformUserId'])
@Index('IDX_sessions_org_id_created_at', ['orgId', 'createdAt'])
@Check(
  'CHK_sessions_owner',
  `("realm" = 'tenant' AND "user_id" IS NOT NULL AND "org_id" IS NOT NULL AND "platform_user_id" IS NULL)
          OR ("realm" = 'platform' AND "platform_user_id" IS NOT NULL AND "user_id" IS NULL AND "org_id" IS NULL)`,
)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  realm: Realm;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sessions_user_id' })
  user?: User;

  @Column({ name: 'platform_user_id', type: 'uuid', nullable: true })
  platformUserId: string | null;

  @ManyToOne(() => PlatformUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'platform_user_id', foreignKeyConstraintName: 'FK_sessions_platform_user_id' })
  platformUser?: PlatformUser;

  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_sessions_org_id' })
  organization?: Organization;

  @Column({ name: 'refresh_token_hash', type: 'varchar', length: 64 })
  refreshTokenHash: string;

  /** How many times the family rotated: a signed older generation presented again is proof of re-use. */
  @Column({ name: 'refresh_generation', type: 'integer', default: 0 })
  refreshGeneration: number;

  @Column({ name: 'previous_refresh_token_hash', type: 'varchar', length: 64, nullable: true })
  previousRefreshTokenHash: string | null;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  /** The pair handed out at the last rotation, encrypted, replayed to racing tabs within the grace. */
  @Column({ name: 'grace_pair_encrypted', type: 'text', nullable: true })
  gracePairEncrypted: string | null;

  @Column({ name: 'mfa_verified_at', type: 'timestamptz', nullable: true })
  mfaVerifiedAt: Date | null;

  @Column({ name: 'ip_address', type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz' })
  lastUsedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 64, nullable: true })
  revokeReason: string | null;
}
