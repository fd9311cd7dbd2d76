import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Realm } from '@keel/shared';

export type AuthFailureKind = 'login' | 'mfa';

/**
 * One failed login or MFA code, kept for the brute-force windows (15 min) and purged after a day.
 * Shared by every replica because it lives in PostgreSQL.
 */
@Entity('auth_failures')
@Index('IDX_auth_failures_email_ip', ['kind', 'realm', 'email', 'ipAddress', 'createdAt'])
@Index('IDX_auth_failures_email', ['kind', 'realm', 'email', 'createdAt'])
@Index('IDX_auth_failures_account', ['kind', 'realm', 'accountId', 'createdAt'])
export class AuthFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: AuthFailureKind;

  @Column({ type: 'varchar', length: 16 })
  realm: Realm;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'ip_address', type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
