import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { pagination, resolvePage, type PaginationQueryDto } from '../../common/http/pagination.dto';
import { AuditService } from '../audit/audit.service';
import { assertOwnAccount } from '../cloud-accounts/org-resource';
import { Budget } from './budget.entity';
import type { BudgetDto, BudgetListDto, CreateBudgetDto, UpdateBudgetDto } from './dto/budget.dto';

@Injectable()
export class BudgetsService {
  constructor(private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>, private readonly audit: AuditService, private readonly clock: ClockService) {}

  private get budgets() {
    return this.transactionHost.tx.getRepository(Budget);
  }

  async list(orgId: string, query: PaginationQueryDto): Promise<BudgetListDto> {
    const page = resolvePage(query);
    const [budgets, total] = await this.budgets.findAndCount({ where: { orgId }, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: budgets.map(toBudgetDto), pagination: pagination(page, total) };
  }

  async get(orgId: string, id: string): Promise<BudgetDto> {
    return toBudgetDto(await this.find(orgId, id));
  }

  @Transactional()
  async create(orgId: string, input: CreateBudgetDto): Promise<BudgetDto> {
    await assertOwnAccount(this.transactionHost.tx, orgId, input.account_id);
    const now = this.clock.now();
    const budget = await this.budgets.save(
      this.budgets.create({ orgId, name: input.name, amount: String(input.amount), currency: input.currency ?? 'USD', period: input.period, accountId: input.account_id ?? null, createdAt: now, updatedAt: now }),
    );
    this.audit.describe({ target: { type: 'budget', id: budget.id, name: budget.name }, metadata: { after: toBudgetDto(budget) } });
    return toBudgetDto(budget);
  }

  @Transactional()
  async update(orgId: string, id: string, changes: UpdateBudgetDto): Promise<BudgetDto> {
    const budget = await this.find(orgId, id);
    const before = toBudgetDto(budget);
    await assertOwnAccount(this.transactionHost.tx, orgId, changes.account_id);
    Object.assign(budget, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.amount !== undefined && { amount: String(changes.amount) }),
      ...(changes.currency !== undefined && { currency: changes.currency }),
      ...(changes.period !== undefined && { period: changes.period }),
      ...(changes.account_id !== undefined && { accountId: changes.account_id }),
      updatedAt: this.clock.now(),
    });
    await this.budgets.save(budget);
    this.audit.describe({ target: { type: 'budget', id: budget.id, name: budget.name }, metadata: { before, after: toBudgetDto(budget) } });
    return toBudgetDto(budget);
  }

  @Transactional()
  async remove(orgId: string, id: string): Promise<void> {
    const budget = await this.find(orgId, id);
    await this.budgets.delete({ id });
    this.audit.describe({ target: { type: 'budget', id: budget.id, name: budget.name }, metadata: { before: toBudgetDto(budget) } });
  }

  private async find(orgId: string, id: string): Promise<Budget> {
    const budget = await this.budgets.findOneBy({ id, orgId });
    if (!budget) throw new NotFoundException('Budget not found');
    return budget;
  }
}

function toBudgetDto(budget: Budget): BudgetDto {
  return {
    id: budget.id,
    name: budget.name,
    amount: Number(budget.amount),
    currency: budget.currency,
    period: budget.period,
    account_id: budget.accountId,
    created_at: budget.createdAt.toISOString(),
    updated_at: budget.updatedAt.toISOString(),
  };
}
