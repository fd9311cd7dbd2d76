import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { pagination, resolvePage, type PaginationQueryDto } from '../../common/http/pagination.dto';
import { AuditService } from '../audit/audit.service';
import { OrgCountersService } from '../orgs/org-counters.service';
import { accountTarget, toCloudAccountDto } from './cloud-account.mapping';
import { CloudAccount } from './cloud-account.entity';
import type { CloudAccountDto, CloudAccountListDto, CreateCloudAccountDto, SyncJobDto, UpdateCloudAccountDto } from './dto/cloud-account.dto';
import { SyncService } from './sync.service';

/** An org's cloud accounts; counters and audit entries move with every change. */
@Injectable()
export class CloudAccountsService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly counters: OrgCountersService,
    private readonly sync: SyncService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  private get accounts() {
    return this.transactionHost.tx.getRepository(CloudAccount);
  }

  async list(orgId: string, query: PaginationQueryDto): Promise<CloudAccountListDto> {
    const page = resolvePage(query);
    const [accounts, total] = await this.accounts.findAndCount({ where: { orgId }, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: accounts.map(toCloudAccountDto), pagination: pagination(page, total) };
  }

  async get(orgId: string, id: string): Promise<CloudAccountDto> {
    return toCloudAccountDto(await this.find(orgId, id));
  }

  @Transactional()
  async create(orgId: string, input: CreateCloudAccountDto): Promise<CloudAccountDto> {
    if (await this.accounts.existsBy({ orgId, provider: input.provider, externalId: input.external_id })) {
      throw new ConflictException(`This ${input.provider} account is already connected`);
    }
    const now = this.clock.now();
    const account = await this.accounts.save(this.accounts.create({ orgId, name: input.name, provider: input.provider, externalId: input.external_id, status: 'pending', createdAt: now, updatedAt: now }));
    await this.counters.adjust(orgId, { accounts: 1 });
    this.audit.describe({ target: accountTarget(account), metadata: { provider: account.provider, external_id: account.externalId } });
    return toCloudAccountDto(account);
  }

  @Transactional()
  async update(orgId: string, id: string, changes: UpdateCloudAccountDto): Promise<CloudAccountDto> {
    const account = await this.find(orgId, id, { lock: true });
    const before = account.name;
    if (changes.name !== undefined) account.name = changes.name;
    await this.accounts.update({ id }, { name: account.name, updatedAt: this.clock.now() });
    this.audit.describe({ target: accountTarget(account), metadata: { before: { name: before }, after: { name: account.name } } });
    return toCloudAccountDto(account);
  }

  /** Deletes the account and, by cascade, everything that belongs to it (SPEC §4). */
  @Transactional()
  async remove(orgId: string, id: string): Promise<CloudAccount> {
    const account = await this.find(orgId, id, { lock: true });
    await this.accounts.delete({ id });
    await this.counters.adjust(orgId, { accounts: -1, errors: account.status === 'error' ? -1 : 0, costRows: -Number(account.costRowCount) });
    if (account.lastSyncedAt) await this.counters.recountLastSyncAt(orgId);
    this.audit.describe({ target: accountTarget(account), metadata: { provider: account.provider, external_id: account.externalId, cost_rows_deleted: Number(account.costRowCount) } });
    return account;
  }

  @Transactional()
  async requestSync(orgId: string, id: string): Promise<SyncJobDto> {
    const account = await this.find(orgId, id, { lock: true });
    const job = await this.sync.enqueue(account, 'manual');
    this.audit.describe({ target: accountTarget(account), metadata: { sync_job_id: job.id } });
    return job;
  }

  async find(orgId: string, id: string, options: { lock?: boolean } = {}): Promise<CloudAccount> {
    const query = this.accounts.createQueryBuilder('account').where('account.id = :id AND account.org_id = :orgId', { id, orgId });
    if (options.lock) query.setLock('pessimistic_write');
    const account = await query.getOne();
    if (!account) throw new NotFoundException('Cloud account not found');
    return account;
  }
}
