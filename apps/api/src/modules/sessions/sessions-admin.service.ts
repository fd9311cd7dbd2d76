import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { ActiveSessionListDto, MySessionListDto } from './dto/session.dto';

const PLATFORM_LIST_LIMIT = 100;

/** Listing and ending sessions: staff over every tenant session, each tenant user over their own. */
@Injectable()
export class SessionsAdminService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async listActiveTenantSessions(): Promise<ActiveSessionListDto> {
    const rows = await this.transactionHost.tx.query(
      `SELECT s.id, s.user_id, u.email AS user_email, s.org_id, o.name AS org_name, s.created_at, s.expires_at, s.ip_address AS ip, s.user_agent
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = s.org_id
        WHERE s.realm = 'tenant' AND s.revoked_at IS NULL AND s.expires_at > $1
        ORDER BY s.created_at DESC, s.id LIMIT ${PLATFORM_LIST_LIMIT}`,
      [this.clock.now()],
    );
    return { items: rows.map((row: { created_at: Date; expires_at: Date }) => ({ ...row, created_at: row.created_at.toISOString(), expires_at: row.expires_at.toISOString() })) };
  }

  @Transactional()
  async revokeTenantSession(sessionId: string): Promise<void> {
    const [session] = await this.transactionHost.tx.query(
      `SELECT s.id, s.org_id, u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.realm = 'tenant' AND s.revoked_at IS NULL`,
      [sessionId],
    );
    if (!session) throw new NotFoundException('Active session not found');
    await this.sessions.revoke(sessionId, 'revoked_by_platform');
    this.audit.describe({ target: { type: 'session', id: sessionId, name: session.email }, orgId: session.org_id });
  }

  async listOwn(principal: Principal): Promise<MySessionListDto> {
    const rows = await this.transactionHost.tx.query(
      `SELECT id, created_at, last_used_at, expires_at, ip_address AS ip, user_agent FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC`,
      [principal.accountId, this.clock.now()],
    );
    return {
      items: rows.map((row: { id: string; created_at: Date; last_used_at: Date; expires_at: Date; ip: string | null; user_agent: string | null }) => ({
        ...row,
        created_at: row.created_at.toISOString(),
        last_used_at: row.last_used_at.toISOString(),
        expires_at: row.expires_at.toISOString(),
        current: row.id === principal.sessionId,
      })),
    };
  }

  @Transactional()
  async revokeOwn(principal: Principal, sessionId: string): Promise<void> {
    const [session] = await this.transactionHost.tx.query('SELECT id FROM sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL', [sessionId, principal.accountId]);
    if (!session) throw new NotFoundException('Active session not found');
    await this.sessions.revoke(sessionId, 'ended_by_user');
    this.audit.describe({ target: { type: 'session', id: sessionId, name: principal.email }, metadata: { current: sessionId === principal.sessionId } });
  }
}
