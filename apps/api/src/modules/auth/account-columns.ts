import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AccountStatus = 'invited' | 'active' | 'disabled';

/** Columns shared by staff (platform_users) and tenant users (users): the same login rules apply to both. */
export abstract class AccountColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique per realm. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'invited' })
  status: AccountStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ name: 'mfa_enabled', type: 'boolean', default: false })
  mfaEnabled: boolean;

  /** AES-256-GCM ciphertext of the TOTP secret. */
  @Column({ name: 'mfa_secret_encrypted', type: 'text', nullable: true })
  mfaSecretEncrypted: string | null;

  /** A secret handed out by mfa/enroll that no code has confirmed yet. */
  @Column({ name: 'mfa_pending_secret_encrypted', type: 'text', nullable: true })
  mfaPendingSecretEncrypted: string | null;

  /** The last accepted TOTP time step: a code is accepted once. */
  @Column({ name: 'mfa_last_time_step', type: 'bigint', nullable: true })
  mfaLastTimeStep: string | null;

  @Column({ name: 'recovery_code_hashes', type: 'text', array: true, default: () => "'{}'" })
  recoveryCodeHashes: string[];

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
