import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { pagination, resolvePage } from '../../common/http/pagination.dto';
import { SYSTEM_CONTEXT, type RequestContext } from '../../common/http/request-context';
import { actorOf, AuditService, type AuditActor, type AuditTarget } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SignOutHooks } from '../auth/sign-out-hooks';
import { TokenService } from '../auth/token.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { MailService } from '../mail/mail.service';
import { AccessLogService } from './access-log.service';
import {
  DEFAULT_TTL_MINUTES,
  type AccessLogPageDto,
  type SupportSessionCreatedDto,
  type SupportSessionDetailDto,
  type SupportSessionDto,
  type SupportSessionListDto,
} from './dto/support-session.dto';
import { SupportSession, supportSessionStatus, type SupportEndReason, type SupportScope, type SupportSessionStatus } from './support-session.entity';
import { WebhooksService } from '../webhooks/webhooks.service';

/** What staff ask for when they start a support session; `orgId` absent means "the target's org". */
export interface SupportSessionRequest {
  orgId?: string;
  targetUserId?: string;
  reason: string;
  ticketRef?: string;
  ttlMinutes?: number;
  scope: SupportScope;
  totpCode?: string;
}

interface TargetRow {
  id: string;
  email: string;
  role: string;
  status: string;
  org_id: string;
  org_name: string;
  org_status: string;
  allow_platform_impersonation: boolean;
}

interface SessionRow {
  id: string;
  org_id: string;
  org_name: string;
  target_user_id: string;
  target_user_email: string;
  platform_user_id: string;
  platform_user_email: string;
  scope: SupportScope;
  reason: string;
  ticket_ref: string | null;
  created_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  end_reason: SupportEndReason | null;
  revoke_reason: string | null;
  request_count: number;
}

const SESSION_COLUMNS = `ss.id, ss.org_id, o.name AS org_name, ss.target_user_id, u.email AS target_user_email,
  ss.platform_user_id, p.email AS platform_user_email, ss.scope, ss.reason, ss.ticket_ref,
  ss.created_at, ss.expires_at, ss.ended_at, ss.end_reason, ss.revoke_reason`;
const SESSION_JOINS = `support_sessions ss
  JOIN organizations o ON o.id = ss.org_id
  JOIN users u ON u.id = ss.target_user_id
  JOIN platform_users p ON p.id = ss.platform_user_id`;

// Status as SPEC §6 shows it: an expired session not yet closed by the job already reads "expired".
// `now` gives the placeholder of the current time, binding it only where a condition needs it (an unused parameter fails the query).
const STATUS_CONDITIONS: Record<SupportSessionStatus, (now: () => string) => string> = {
  active: (now) => `ss.ended_at IS NULL AND ss.expires_at > ${now()}`,
  expired: (now) => `(ss.end_reason = 'expired' OR (ss.ended_at IS NULL AND ss.expires_at <= ${now()}))`,
  revoked: () => `(ss.ended_at IS NOT NULL AND ss.end_reason <> 'expired')`,
};

const MAX_ENDPOINTS_IN_SUMMARY = 100;

/**
 * Support (impersonation) sessions, SPEC §6: staff act as a tenant user for a reason, for a while,
 * within a scope, with the org's consent, every request logged, and the org told.
 */
@Injectable()
export class SupportSessionsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SupportSessionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly jobs: JobQueueService,
    private readonly accessLog: AccessLogService,
    private readonly signOutHooks: SignOutHooks,
    private readonly webhooks: WebhooksService,
  ) {}

  onModuleInit(): void {
    // A staff member's sign-out ends every support session they opened (SPEC §6).
    this.signOutHooks.register(async (realm, accountId) => (realm === 'platform' ? { support_sessions_ended: await this.endAllOfStaffMember(accountId) } : {}));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('support-session.expire', '* * * * *');
    await this.jobs.work('support-session.expire', () => this.closeLapsed().then(() => undefined));
  }

  /** Mints a session and its token; in the caller's (audited) transaction. */
  async start(principal: Principal, request: SupportSessionRequest, context: RequestContext): Promise<SupportSessionCreatedDto> {
    if (request.scope === 'read_write' && principal.role !== 'super_admin') throw new ForbiddenException('Only a super_admin can open a read_write support session');
    await this.auth.assertRecentSecondFactor(principal, request.totpCode, context);
    const target = await this.findTarget(request);
    const organizationTarget: AuditTarget = { type: 'organization', id: target.org_id, name: target.org_name };
    if (!target.allow_platform_impersonation) {
      await this.audit.recordSeparately({
        action: 'platform.impersonation_blocked',
        actor: actorOf(principal),
        target: organizationTarget,
        orgId: target.org_id,
        logs: 'both',
        metadata: { target_user_id: target.id, reason: request.reason, ticket_ref: request.ticketRef ?? null },
        context,
      });
      throw new ForbiddenException('The organization’s owner has turned platform support access off');
    }
    if (target.org_status !== 'active') throw new ConflictException(`Support sessions need an active organization; this one is ${target.org_status}`);
    if (target.status !== 'active') throw new ConflictException('Support sessions act as an active user; this user is not');

    const now = this.clock.now();
    const ttlMinutes = request.ttlMinutes ?? DEFAULT_TTL_MINUTES;
    const repository = this.transactionHost.tx.getRepository(SupportSession);
    const session = await repository.save(
      repository.create({
        orgId: target.org_id,
        targetUserId: target.id,
        platformUserId: principal.accountId,
        staffSessionId: principal.sessionId,
        scope: request.scope,
        reason: request.reason,
        ticketRef: request.ticketRef ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
      }),
    );
    const token = this.tokens.signSupportToken({
      sub: target.id,
      role: target.role,
      orgId: target.org_id,
      supportSessionId: session.id,
      scope: session.scope,
      actor: { id: principal.accountId, email: principal.email },
      expiresAt: session.expiresAt,
    });

    const metadata = {
      impersonation_id: session.id,
      target_user_id: target.id,
      target_user_email: target.email,
      reason: session.reason,
      ticket_ref: session.ticketRef,
      scope: session.scope,
      ttl_minutes: ttlMinutes,
      expires_at: session.expiresAt.toISOString(),
    };
    const userTarget: AuditTarget = { type: 'user', id: target.id, name: target.email };
    // Both logs: the platform's with the staff member as actor, the org's as "platform admin impersonating" (SPEC §7).
    this.audit.describe({ target: userTarget, orgId: target.org_id, logs: 'platform', impersonationId: session.id, metadata });
    await this.audit.record({ action: 'platform.impersonation_started', actor: impersonatingActor(principal.accountId, principal.email), target: userTarget, orgId: target.org_id, logs: 'org', impersonationId: session.id, metadata, context });
    await this.tellOwners(target, session, principal.email);
    await this.webhooks.emit('support_session.started', { support_session_id: session.id, org_id: target.org_id, staff: { id: principal.accountId, email: principal.email }, ...metadata });

    return {
      id: session.id,
      token,
      expires_at: session.expiresAt.toISOString(),
      scopes: [session.scope],
      org_id: session.orgId,
      target_user_id: session.targetUserId,
    };
  }

  async list(filter: { status?: SupportSessionStatus; orgId?: string; page?: number; limit?: number; offset?: number }): Promise<SupportSessionListDto> {
    const page = resolvePage(filter);
    const now = this.clock.now();
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (filter.status) {
      conditions.push(
        STATUS_CONDITIONS[filter.status](() => {
          parameters.push(now);
          return `$${parameters.length}`;
        }),
      );
    }
    if (filter.orgId) {
      parameters.push(filter.orgId);
      conditions.push(`ss.org_id = $${parameters.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const manager = this.transactionHost.tx;
    const rows: SessionRow[] = await manager.query(
      `SELECT ${SESSION_COLUMNS}, (SELECT count(*)::int FROM support_session_access_logs l WHERE l.support_session_id = ss.id) AS request_count
         FROM ${SESSION_JOINS} ${where}
        ORDER BY ss.created_at DESC, ss.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      parameters,
    );
    const [{ total }]: { total: number }[] = await manager.query(`SELECT count(*)::int AS total FROM support_sessions ss ${where}`, parameters);
    // The stats count every session of the scope (all, or one org's), not the filtered page (SPEC §5, §6).
    const statsParameters: unknown[] = filter.orgId ? [now, filter.orgId] : [now];
    const [stats]: { active: number; expired: number; revoked: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE ${STATUS_CONDITIONS.active(() => '$1')})::int AS active,
              count(*) FILTER (WHERE ${STATUS_CONDITIONS.expired(() => '$1')})::int AS expired,
              count(*) FILTER (WHERE ${STATUS_CONDITIONS.revoked(() => '$1')})::int AS revoked
         FROM support_sessions ss ${filter.orgId ? 'WHERE ss.org_id = $2' : ''}`,
      statsParameters,
    );
    return { items: rows.map((row) => this.toDto(row, now)), pagination: pagination(page, total), stats };
  }

  /** One session with a page of its access log, newest first (reads are written in batches, so by time, not id); `orgId` confines the lookup to one org (404 otherwise). */
  async detail(id: string, query: { page?: number; limit?: number; offset?: number }, orgId?: string): Promise<SupportSessionDetailDto> {
    const row = await this.findRow(id, orgId);
    const page = resolvePage(query);
    const manager = this.transactionHost.tx;
    const logs: { id: string; method: string; path: string; status: number; request_id: string | null; created_at: Date }[] = await manager.query(
      `SELECT id::text, method, path, status, request_id, created_at FROM support_session_access_logs
        WHERE support_session_id = $1 ORDER BY created_at DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      [id],
    );
    const accessLogs: AccessLogPageDto = {
      items: logs.map((log) => ({ ...log, created_at: log.created_at.toISOString() })),
      pagination: pagination(page, row.request_count),
    };
    return { ...this.toDto(row, this.clock.now()), access_logs: accessLogs };
  }

  /** Staff revoke a session; in the route's audited transaction. */
  async revoke(principal: Principal, id: string, reason: string | undefined, context: RequestContext): Promise<SupportSessionDto> {
    // The route declares `platform.impersonation_ended`; endOne writes it (and the summary) as it does for the job.
    this.audit.describe({ skip: true });
    await this.endOne(id, 'revoked', { actor: actorOf(principal), endedBy: principal.accountId, revokeReason: reason ?? null, context });
    return this.toDto(await this.findRow(id), this.clock.now());
  }

  /** The tenant console ends its own support session (SPEC §6: `end_reason: "ended"`). */
  async endOwn(principal: Principal, context: RequestContext): Promise<void> {
    const impersonation = principal.impersonation;
    if (!impersonation) throw new ForbiddenException('Only a support session can end itself; sign out instead');
    this.audit.describe({ skip: true });
    await this.endOne(impersonation.id, 'ended', { actor: actorOf(principal), endedBy: impersonation.actorId, revokeReason: null, context });
  }

  /** Ends the org's open sessions when its owner withdraws consent; in the settings change's transaction. */
  async endAllOfOrg(orgId: string, principal: Principal, context: RequestContext): Promise<number> {
    const ids = await this.openSessionIds('org_id = $1', [orgId]);
    for (const id of ids) await this.endOne(id, 'revoked', { actor: actorOf(principal), endedBy: null, revokeReason: 'The organization turned platform support access off', context, lenient: true });
    return ids.length;
  }

  /**
   * The job (every minute): closes sessions past their expiry, and those whose staff session
   * ended otherwise than by sign-out (revoked, expired, staff member disabled). Their tokens
   * already stopped working; this records the end. Returns how many it closed.
   */
  async closeLapsed(): Promise<number> {
    const lapsed: { id: string; expired: boolean }[] = await this.dataSource.query(
      `SELECT ss.id, ss.expires_at <= $1 AS expired
         FROM support_sessions ss
         JOIN platform_users p ON p.id = ss.platform_user_id
         LEFT JOIN sessions st ON st.id = ss.staff_session_id
        WHERE ss.ended_at IS NULL
          AND (ss.expires_at <= $1 OR st.id IS NULL OR st.revoked_at IS NOT NULL OR st.expires_at <= $1 OR p.status <> 'active')
        ORDER BY ss.expires_at LIMIT 500`,
      [this.clock.now()],
    );
    for (const session of lapsed) {
      await this.transactionHost.withTransaction(() =>
        this.endOne(session.id, session.expired ? 'expired' : 'logged_out', { actor: { type: 'system', id: null, email: null }, endedBy: null, revokeReason: null, context: SYSTEM_CONTEXT, lenient: true }),
      );
    }
    return lapsed.length;
  }

  private async endAllOfStaffMember(platformUserId: string): Promise<number> {
    const ids = await this.openSessionIds('platform_user_id = $1', [platformUserId]);
    for (const id of ids) await this.endOne(id, 'logged_out', { actor: 'own_staff_member', endedBy: platformUserId, revokeReason: null, context: SYSTEM_CONTEXT, lenient: true });
    return ids.length;
  }

  private async openSessionIds(condition: string, parameters: unknown[]): Promise<string[]> {
    const rows: { id: string }[] = await this.transactionHost.tx.query(`SELECT id FROM support_sessions WHERE ended_at IS NULL AND ${condition} ORDER BY created_at`, parameters);
    return rows.map((row) => row.id);
  }

  /**
   * Ends one session under a row lock (a revoke racing the expiry job ends it once) and writes
   * `platform.impersonation_ended` and the `platform.impersonation_action` summary to both logs.
   */
  private async endOne(
    id: string,
    endReason: SupportEndReason,
    /** `lenient`: for sweeps (job, sign-out, consent withdrawn), an ended session is skipped and a lapsed one recorded as expired. */
    by: { actor: AuditActor | 'own_staff_member'; endedBy: string | null; revokeReason: string | null; context: RequestContext; lenient?: boolean },
  ): Promise<void> {
    const manager = this.transactionHost.tx;
    const [session]: { ended_at: Date | null; expires_at: Date }[] = await manager.query('SELECT ended_at, expires_at FROM support_sessions WHERE id = $1 FOR UPDATE', [id]);
    if (!session) throw new NotFoundException('No such support session');
    const now = this.clock.now();
    const lapsed = session.expires_at <= now;
    if (!by.lenient && (session.ended_at || lapsed)) throw new ConflictException(`This support session has already ${session.ended_at ? 'ended' : 'expired'}`);
    if (session.ended_at) return;
    const reason: SupportEndReason = lapsed ? 'expired' : endReason;
    await manager.query('UPDATE support_sessions SET ended_at = $2, end_reason = $3, ended_by = $4, revoke_reason = $5 WHERE id = $1', [id, now, reason, by.endedBy, by.revokeReason]);

    const row = await this.findRow(id);
    const summary = await this.activitySummary(id);
    const userTarget: AuditTarget = { type: 'user', id: row.target_user_id, name: row.target_user_email };
    const common = { target: userTarget, orgId: row.org_id, impersonationId: id, context: by.context };
    const staff = impersonatingActor(row.platform_user_id, row.platform_user_email);
    const actor = by.actor === 'own_staff_member' ? { ...staff, type: 'platform_user' as const } : by.actor;
    const ended = { impersonation_id: id, end_reason: reason, ...(by.revokeReason ? { revoke_reason: by.revokeReason } : {}), ended_by: actor.email ?? actor.type };
    const activity = { impersonation_id: id, request_count: summary.requestCount, endpoints: summary.endpoints };
    await this.audit.record({ action: 'platform.impersonation_action', actor: { ...staff, type: 'platform_user' }, logs: 'platform', metadata: activity, ...common });
    await this.audit.record({ action: 'platform.impersonation_action', actor: staff, logs: 'org', metadata: activity, ...common });
    await this.audit.record({ action: 'platform.impersonation_ended', actor, logs: 'platform', metadata: ended, ...common });
    await this.audit.record({ action: 'platform.impersonation_ended', actor: staff, logs: 'org', metadata: ended, ...common });
    await this.webhooks.emit('support_session.ended', { support_session_id: id, org_id: row.org_id, ...ended, request_count: summary.requestCount });
  }

  /** How many requests the session made and which endpoints, this replica's queued reads included. */
  private async activitySummary(id: string): Promise<{ requestCount: number; endpoints: string[] }> {
    const queued = this.accessLog.queuedFor(id);
    const rows: { endpoint: string; count: number }[] = await this.transactionHost.tx.query(
      `SELECT method || ' ' || path AS endpoint, count(*)::int AS count FROM support_session_access_logs WHERE support_session_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_ENDPOINTS_IN_SUMMARY}`,
      [id],
    );
    const endpoints = new Set(rows.map((row) => row.endpoint));
    for (const record of queued) if (endpoints.size < MAX_ENDPOINTS_IN_SUMMARY) endpoints.add(`${record.method} ${record.path}`);
    const [{ total }]: { total: number }[] = await this.transactionHost.tx.query('SELECT count(*)::int AS total FROM support_session_access_logs WHERE support_session_id = $1', [id]);
    return { requestCount: total + queued.length, endpoints: [...endpoints] };
  }

  private async findTarget(request: SupportSessionRequest): Promise<TargetRow> {
    const select = `SELECT u.id, u.email, u.role, u.status, u.org_id, o.name AS org_name, o.status AS org_status, o.allow_platform_impersonation
                      FROM users u JOIN organizations o ON o.id = u.org_id`;
    const manager = this.transactionHost.tx;
    if (request.targetUserId) {
      const [user]: TargetRow[] = await manager.query(`${select} WHERE u.id = $1`, [request.targetUserId]);
      if (!user || (request.orgId && user.org_id !== request.orgId)) throw new NotFoundException(request.orgId ? 'No such user in this organization' : 'No such user');
      return user;
    }
    const [owner]: TargetRow[] = await manager.query(`${select} WHERE u.org_id = $1 AND u.role = 'owner' AND u.status = 'active' ORDER BY u.created_at, u.id LIMIT 1`, [request.orgId]);
    if (owner) return owner;
    const [organization]: { id: string }[] = await manager.query('SELECT id FROM organizations WHERE id = $1', [request.orgId]);
    if (!organization) throw new NotFoundException('No such organization');
    throw new ConflictException('This organization has no active owner to act as; choose a target_user_id');
  }

  private async findRow(id: string, orgId?: string): Promise<SessionRow> {
    const [row]: SessionRow[] = await this.transactionHost.tx.query(
      `SELECT ${SESSION_COLUMNS}, (SELECT count(*)::int FROM support_session_access_logs l WHERE l.support_session_id = ss.id) AS request_count
         FROM ${SESSION_JOINS} WHERE ss.id = $1 ${orgId ? 'AND ss.org_id = $2' : ''}`,
      orgId ? [id, orgId] : [id],
    );
    if (!row) throw new NotFoundException('No such support session');
    return row;
  }

  private async tellOwners(target: TargetRow, session: SupportSession, staffEmail: string): Promise<void> {
    const owners: { email: string }[] = await this.transactionHost.tx.query(`SELECT email FROM users WHERE org_id = $1 AND role = 'owner' AND status = 'active' ORDER BY email`, [target.org_id]);
    for (const owner of owners) {
      await this.mail.send(owner.email, {
        name: 'support_session_started',
        organizationName: target.org_name,
        staffEmail,
        userEmail: target.email,
        scope: session.scope,
        reason: session.reason,
        ticketRef: session.ticketRef,
        expiresAt: session.expiresAt,
        link: `${this.config.publicUrl}/app/support-access`,
      });
    }
  }

  private toDto(row: SessionRow, now: Date): SupportSessionDto {
    return {
      id: row.id,
      status: supportSessionStatus({ endedAt: row.ended_at, endReason: row.end_reason, expiresAt: row.expires_at }, now),
      org_id: row.org_id,
      org_name: row.org_name,
      target_user_id: row.target_user_id,
      target_user_email: row.target_user_email,
      platform_user_id: row.platform_user_id,
      platform_user_email: row.platform_user_email,
      scopes: [row.scope],
      reason: row.reason,
      ticket_ref: row.ticket_ref,
      created_at: row.created_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
      ended_at: row.ended_at?.toISOString() ?? null,
      end_reason: row.end_reason,
      revoke_reason: row.revoke_reason,
      request_count: row.request_count,
    };
  }
}

/** The org log names staff acting through a support session this way (SPEC §7). */
function impersonatingActor(platformUserId: string, email: string): AuditActor {
  return { type: 'platform_admin_impersonating', id: platformUserId, email };
}
