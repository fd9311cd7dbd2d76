import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { CloudAccount } from './cloud-account.entity';

/** A member's access to one cloud account; goes with the account or the user. */
@Entity('account_access_grants')
@Index('UQ_account_access_grants', ['accountId', 'userId'], { unique: true })
export class AccountAccessGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_account_access_grants_account_id' })
  account?: CloudAccount;

  @Index('IDX_account_access_grants_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_access_grants_user_id' })
  user?: User;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
