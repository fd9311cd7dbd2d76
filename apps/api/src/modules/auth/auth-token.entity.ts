import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { Realm } from '@keel/shared';

export type AuthTokenPurpose = 'invitation' | 'password_reset';

/** A single-use, e-mailed token (invitation or password reset), stored hashed. */
@Entity('auth_tokens')
@Check('CHK_auth_tokens_purpose', `"purpose" IN ('invitation', 'password_reset')`)
@Check('CHK_auth_tokens_owner', `("user_id" IS NULL) <> ("platform_user_id" IS NULL)`)
export class AuthToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  realm: Realm;

  @Column({ type: 'varchar', length: 32 })
  purpose: AuthTokenPurpose;

  @Index('IDX_auth_tokens_user_id')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_auth_tokens_user_id' })
  user?: User;

  @Index('IDX_auth_tokens_platform_user_id')
  @Column({ name: 'platform_user_id', type: 'uuid', nullable: true })
  platformUserId: string | null;

  @ManyToOne(() => PlatformUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'platform_user_id', foreignKeyConstraintName: 'FK_auth_tokens_platform_user_id' })
  platformUser?: PlatformUser;

  @Index('UQ_auth_tokens_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
