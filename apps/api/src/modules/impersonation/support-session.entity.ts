import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from '../auth/session.entity';
import { Organization } from '../orgs/organization.entity';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';

export const SUPPORT_SCOPES = ['read_only', 'read_write'] as const;
export type SupportScope = (typeof SUPPORT_SCOPES)[number];

export const SUPPORT_END_REASONS = ['revoked', 'ended', 'expired', 'logged_out'] as const;
export type SupportEndReason = (typeof SUPPORT_END_REASONS)[number];

export const SUPPORT_SESSION_STATUSES = ['active', 'expired', 'revoked'] as const;
export type SupportSessionStatus = (typeof SUPPORT_SESSION_STATUSES)[number];

/** A time-boxed, scoped support (impersonation) session of one staff member on one tenant user (SPEC §6). */
@Entity('support_sessions')
@Index('IDX_support_sessions_org_id_created_at', ['orgId', 'createdAt'])
@Check('CHK_support_sessions_scope', `"scope" IN ('read_only', 'read_write')`)
@Check('CHK_support_sessions_end', `("ended_at" IS NULL) = ("end_reason" IS NULL)`)
@Check('CHK_support_sessions_end_reason', `"end_reason" IN ('revoked', 'ended', 'expired', 'logged_out')`)
export class SupportSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_support_sessions_org_id' })
  organization?: Organization;

  @Index('IDX_support_sessions_target_user_id')
  @Column({ name: 'target_user_id', type: 'uuid' })
  targetUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_user_id', foreignKeyConstraintName: 'FK_support_sessions_target_user_id' })
  targetUser?: User;

  @Index('IDX_support_sessions_open_platform_user_id', { where: '"ended_at" IS NULL' })
  @Column({ name: 'platform_user_id', type: 'uuid' })
  platformUserId: string;

  @ManyToOne(() => PlatformUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'platform_user_id', foreignKeyConstraintName: 'FK_support_sessions_platform_user_id' })
  platformUser?: PlatformUser;

  /** The staff session that opened it: when that session ends, so does this one. */
  @Index('IDX_support_sessions_staff_session_id')
  @Column({ name: 'staff_session_id', type: 'uuid', nullable: true })
  staffSessionId: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'staff_session_id', foreignKeyConstraintName: 'FK_support_sessions_staff_session_id' })
  staffSession?: Session;

  @Column({ type: 'varchar', length: 16 })
  scope: SupportScope;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'ticket_ref', type: 'varchar', length: 128, nullable: true })
  ticketRef: string | null;

  @Index('IDX_support_sessions_created_at')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('IDX_support_sessions_open_expires_at', { where: '"ended_at" IS NULL' })
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason: SupportEndReason | null;

  /** The staff member who revoked it, if one did. */
  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  endedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;
}

/** One request made with a support session's token: what the org owner reads back (SPEC §6). */
@Entity('support_session_access_logs')
@Index('IDX_support_session_access_logs_session_id_created_at', ['supportSessionId', 'createdAt'])
export class SupportSessionAccessLog {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'support_session_id', type: 'uuid' })
  supportSessionId: string;

  @ManyToOne(() => SupportSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'support_session_id', foreignKeyConstraintName: 'FK_support_session_access_logs_support_session_id' })
  supportSession?: SupportSession;

  @Column({ type: 'varchar', length: 8 })
  method: string;

  @Column({ type: 'varchar', length: 2048 })
  path: string;

  @Column({ type: 'smallint' })
  status: number;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** What a session shows as, whether or not the expiry job has closed it yet. */
export function supportSessionStatus(session: Pick<SupportSession, 'endedAt' | 'endReason' | 'expiresAt'>, now: Date): SupportSessionStatus {
  if (session.endReason === 'expired') return 'expired';
  if (session.endedAt) return 'revoked';
  return session.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}
