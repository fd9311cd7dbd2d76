import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { pagination, resolvePage, type PaginationQueryDto } from '../../common/http/pagination.dto';
import { AuditService } from '../audit/audit.service';
import { assertOwnAccount } from '../cloud-accounts/org-resource';
import { AlertRule } from './alert-rule.entity';
import type { AlertRuleDto, AlertRuleListDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto';

@Injectable()
export class AlertRulesService {
  constructor(private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>, private readonly audit: AuditService, private readonly clock: ClockService) {}

  private get rules() {
    return this.transactionHost.tx.getRepository(AlertRule);
  }

  async list(orgId: string, query: PaginationQueryDto): Promise<AlertRuleListDto> {
    const page = resolvePage(query);
    const [rules, total] = await this.rules.findAndCount({ where: { orgId }, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: rules.map(toAlertRuleDto), pagination: pagination(page, total) };
  }

  async get(orgId: string, id: string): Promise<AlertRuleDto> {
    return toAlertRuleDto(await this.find(orgId, id));
  }

  @Transactional()
  async create(orgId: string, input: CreateAlertRuleDto): Promise<AlertRuleDto> {
    await assertOwnAccount(this.transactionHost.tx, orgId, input.account_id);
    const now = this.clock.now();
    const rule = await this.rules.save(
      this.rules.create({ orgId, name: input.name, metric: input.metric, threshold: String(input.threshold), enabled: input.enabled ?? true, accountId: input.account_id ?? null, createdAt: now, updatedAt: now }),
    );
    this.audit.describe({ target: { type: 'alert_rule', id: rule.id, name: rule.name }, metadata: { after: toAlertRuleDto(rule) } });
    return toAlertRuleDto(rule);
  }

  @Transactional()
  async update(orgId: string, id: string, changes: UpdateAlertRuleDto): Promise<AlertRuleDto> {
    const rule = await this.find(orgId, id);
    const before = toAlertRuleDto(rule);
    await assertOwnAccount(this.transactionHost.tx, orgId, changes.account_id);
    Object.assign(rule, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.metric !== undefined && { metric: changes.metric }),
      ...(changes.threshold !== undefined && { threshold: String(changes.threshold) }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled }),
      ...(changes.account_id !== undefined && { accountId: changes.account_id }),
      updatedAt: this.clock.now(),
    });
    await this.rules.save(rule);
    this.audit.describe({ target: { type: 'alert_rule', id: rule.id, name: rule.name }, metadata: { before, after: toAlertRuleDto(rule) } });
    return toAlertRuleDto(rule);
  }

  @Transactional()
  async remove(orgId: string, id: string): Promise<void> {
    const rule = await this.find(orgId, id);
    await this.rules.delete({ id });
    this.audit.describe({ target: { type: 'alert_rule', id: rule.id, name: rule.name }, metadata: { before: toAlertRuleDto(rule) } });
  }

  private async find(orgId: string, id: string): Promise<AlertRule> {
    const rule = await this.rules.findOneBy({ id, orgId });
    if (!rule) throw new NotFoundException('Alert rule not found');
    return rule;
  }
}

function toAlertRuleDto(rule: AlertRule): AlertRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    metric: rule.metric,
    threshold: Number(rule.threshold),
    enabled: rule.enabled,
    account_id: rule.accountId,
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}
