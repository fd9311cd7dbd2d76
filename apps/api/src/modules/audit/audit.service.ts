import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import type { RequestContext } from '../../common/http/request-context';
import { RequestTransaction } from '../../common/transactions/request-transaction.service';
import { OrgAuditEntry, PlatformAuditEntry, type AuditActorType } from './audit-entry.entity';

export interface AuditActor {
  type: AuditActorType;
  id: string | null;
  email: string | null;
}

export interface AuditTarget {
  type: string;
  id: string;
  name?: string | null;
}

/** What a service says about the change it made; the audit interceptor adds who, where and when. */
export interface AuditDetails {
  target?: AuditTarget;
  /** The org the action concerns: platform actions on an org are copied to its org log. */
  orgId?: string | null;
  metadata?: Record<string, unknown>;
  /** On public routes (sign-in, invitations), who acted. */
  actor?: AuditActor;
  /** Nothing happened worth an entry (e.g. a sign-in that stopped at the MFA step). */
  skip?: boolean;
  /** A more precise action than the route declares (e.g. org.platform_impersonation_disabled). */
  action?: string;
  /** Where the entry goes when the default routing (see AuditService) is not right. */
  logs?: 'platform' | 'org' | 'both';
  /** The support session the entry belongs to. */
  impersonationId?: string | null;
}

export interface AuditRecord extends AuditDetails {
  action: string;
  /** The action's name in the org log, when it differs (`org.disabled_by_platform`). */
  orgAction?: string;
  actor: AuditActor;
  context: RequestContext;
}

const DETAILS_KEY = 'keel.audit.details';

/** An entry as written, in the API's entry shape plus the log it went to: what `audit.entry` webhooks carry. */
export type RecordedEntry = Record<string, unknown> & { log: 'platform' | 'org'; id: string; action: string };
type RecordedListener = (entry: RecordedEntry) => Promise<void>;

/** Who acted: under a support session, the staff member, never the user they act as (SPEC §7). */
export function actorOf(principal: Principal): AuditActor {
  if (principal.apiKey) return { type: 'api_key', id: principal.apiKey.id, email: null };
  if (principal.impersonation) return { type: 'platform_admin_impersonating', id: principal.impersonation.actorId, email: principal.impersonation.actorEmail };
  return { type: principal.realm === 'platform' ? 'platform_user' : 'user', id: principal.accountId, email: principal.email };
}

/** What an entry adds about who acted: the API key's name; or the support session, and the user it acted as. */
export function actorDetails(principal: Principal | undefined): Pick<AuditRecord, 'impersonationId' | 'metadata'> {
  if (principal?.apiKey) return { metadata: { api_key_name: principal.apiKey.name } };
  if (!principal?.impersonation) return {};
  return { impersonationId: principal.impersonation.id, metadata: { impersonated_user: { id: principal.accountId, email: principal.email } } };
}

/**
 * Writes audit entries. Tenant users' actions go to their org's log; staff, API-key and system
 * actions to the platform log, and also to the org log of the org they concern (SPEC §7).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly clock: ClockService,
    private readonly requestTransaction: RequestTransaction,
  ) {}

  private readonly recordedListeners: RecordedListener[] = [];

  /** Runs in the writing transaction after every entry (the webhooks module mirrors entries to subscribers). */
  onRecorded(listener: RecordedListener): void {
    this.recordedListeners.push(listener);
  }

  /**
   * Starts collecting the description of the current request's change. One object per request,
   * mutated in place: nested transactions run in child CLS contexts that share it by reference.
   */
  beginRequest(): AuditDetails {
    const details: AuditDetails = {};
    this.cls.set(DETAILS_KEY, details);
    return details;
  }

  /** Adds to the description of the current request's change (metadata merged); ignored outside an audited route. */
  describe(details: AuditDetails): void {
    const current = this.cls.isActive() ? this.cls.get<AuditDetails | undefined>(DETAILS_KEY) : undefined;
    if (!current) return;
    const metadata = { ...current.metadata, ...details.metadata };
    Object.assign(current, details, { metadata });
  }

  /** Writes in the current transaction: if the entry cannot be written, the change does not happen. */
  async record(record: AuditRecord): Promise<void> {
    const manager = this.transactionHost.tx;
    const createdAt = this.clock.now();
    const common = {
      createdAt,
      actorType: record.actor.type,
      actorId: record.actor.id,
      actorEmail: record.actor.email,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      targetName: record.target?.name ?? null,
      impersonationId: record.impersonationId ?? null,
      metadata: record.metadata ?? {},
      ipAddress: record.context.ipAddress,
      userAgent: record.context.userAgent,
      requestId: record.context.requestId || null,
    };
    const orgId = record.orgId ?? null;
    const byTenant = record.actor.type === 'user' || record.actor.type === 'platform_admin_impersonating';
    const logs = record.logs ?? (byTenant && orgId ? 'org' : orgId ? 'both' : 'platform');
    if (logs !== 'org' || !orgId) {
      const repository = manager.getRepository(PlatformAuditEntry);
      await this.announce('platform', await repository.save(repository.create({ ...common, action: record.action, orgId })));
    }
    if (orgId && logs !== 'platform') {
      const repository = manager.getRepository(OrgAuditEntry);
      await this.announce('org', await repository.save(repository.create({ ...common, action: byTenant ? record.action : (record.orgAction ?? record.action), orgId })));
    }
  }

  private async announce(log: 'platform' | 'org', entry: PlatformAuditEntry | OrgAuditEntry): Promise<void> {
    if (this.recordedListeners.length === 0) return;
    const recorded: RecordedEntry = {
      log,
      id: entry.id,
      action: entry.action,
      created_at: entry.createdAt.toISOString(),
      actor: { type: entry.actorType, id: entry.actorId, email: entry.actorEmail },
      target: entry.targetType && entry.targetId ? { type: entry.targetType, id: entry.targetId, name: entry.targetName } : null,
      org_id: entry.orgId,
      impersonation_id: entry.impersonationId,
      metadata: entry.metadata,
      ip_address: entry.ipAddress,
      user_agent: entry.userAgent,
      request_id: entry.requestId,
    };
    for (const listener of this.recordedListeners) await listener(recorded);
  }

  /** For refused attempts that must leave a trace: committed on its own, after the request's transaction ends. */
  async recordSeparately(record: AuditRecord): Promise<void> {
    await this.requestTransaction.afterwards(() => this.transactionHost.withTransaction(Propagation.RequiresNew, () => this.record(record)));
  }
}
