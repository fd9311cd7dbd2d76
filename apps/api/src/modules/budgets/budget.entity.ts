import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CloudAccount } from '../cloud-accounts/cloud-account.entity';
import { Organization } from '../orgs/organization.entity';

export const BUDGET_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** A spending limit for the org, or for one of its cloud accounts (then it goes with the account). */
@Entity('budgets')
@Check('CHK_budgets_period', `"period" IN ('monthly', 'quarterly', 'yearly')`)
export class Budget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_budgets_org_id')
  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'FK_budgets_org_id' })
  organization?: Organization;

  @Index('IDX_budgets_account_id')
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => CloudAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_budgets_account_id' })
  account?: CloudAccount;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  period: BudgetPeriod;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
