import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { ReadDatabase } from '../../database/read-database';
import { resolvePage } from '../../common/http/pagination.dto';
import type { PaginationQueryDto } from '../../common/http/pagination.dto';
import type { GrowthDto, OrgDetailDto, OrgListDto, OrgListQueryDto, OrgRowDto, PlatformStatsDto, SearchResultDto, SyncHealthDto, UsageDto } from './dto/platform-orgs.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DETAIL_USERS = 200;
const WEEK_MS = 7 * 86_400_000;
const ROW_COLUMNS = `id, name, slug, plan, status, user_count, account_count, error_count, last_sync_at, created_at`;

interface OrgRow {
  id: string;
  name: string;
  slug: string;
  plan: OrgRowDto['plan'];
  status: OrgRowDto['status'];
  user_count: number;
  account_count: number;
  error_count: number;
  last_sync_at: Date | null;
  created_at: Date;
}

/**
 * The super_admin's views over every org. They read the per-org counters, never COUNT(*) over
 * users, cost rows or audit entries, so they stay as fast with 10,000 orgs as with 50.
 */
@Injectable()
export class PlatformOrgsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dashboards: ReadDatabase,
    private readonly clock: ClockService,
  ) {}

  async stats(): Promise<PlatformStatsDto> {
    // One statement: the totals, and the orgs of the last 30 days (index on created_at).
    const [row] = await this.dashboards.query(`SELECT ${TOTALS}, (SELECT count(*)::int FROM organizations WHERE created_at >= $1) AS recent FROM platform_totals`, [
      new Date(this.clock.nowMilliseconds() - 30 * 86_400_000),
    ]);
    const totals = toTotals(row);
    return {
      total_organizations: totals.organizations,
      total_users: totals.users,
      total_cloud_accounts: totals.accounts,
      total_cost_rows: totals.costRows,
      sync_errors: totals.errors,
      new_orgs_30d: row.recent,
    };
  }

  /** The platform totals, kept by a trigger on organizations in 16 shards (migration ScaleDashboards). */
  private async totals(): Promise<PlatformTotals> {
    const [row] = await this.dashboards.query(`SELECT ${TOTALS} FROM platform_totals`);
    return toTotals(row);
  }

  async list(query: OrgListQueryDto): Promise<OrgListDto> {
    const page = resolvePage(query);
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let text = sql;
      for (const value of values) {
        parameters.push(value);
        text = text.replace('?', `$${parameters.length}`);
      }
      conditions.push(text);
    };
    if (query.search) {
      const pattern = likePattern(query.search);
      if (UUID.test(query.search)) add('(id = ?::uuid OR name ILIKE ? OR slug ILIKE ?)', query.search, pattern, pattern);
      else add('(name ILIKE ? OR slug ILIKE ?)', pattern, pattern);
    }
    if (query.status) add('status = ?', query.status);
    if (query.plan) add('plan = ?', query.plan);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const sort = query.sort ?? '-created_at';
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    const column = sort.replace(/^-/, '');
    // The id tie-breaker keeps pages stable when many orgs share a value. Only last_sync_at can be
    // null; the other columns sort without NULLS LAST so that one (column, id) index serves both directions.
    const order = `${column} ${direction}${column === 'last_sync_at' ? ' NULLS LAST' : ''}, id ${direction}`;
    // The page and its total at once (two connections): one round trip's wait, not two.
    const [rows, total] = await Promise.all([
      this.dashboards.query<OrgRow>(`SELECT ${ROW_COLUMNS} FROM organizations ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`, parameters),
      conditions.length
        ? this.dashboards.query<{ total: number }>(`SELECT count(*)::int AS total FROM organizations ${where}`, parameters).then(([row]) => row.total)
        : this.totals().then((totals) => totals.organizations),
    ]);
    return { items: rows.map(toOrgRowDto), pagination: { page: page.page, limit: page.limit, total, next_cursor: null } };
  }

  async detail(orgId: string): Promise<OrgDetailDto> {
    const [org] = await this.dataSource.query(
      `SELECT ${ROW_COLUMNS}, require_2fa, allow_platform_impersonation, cost_row_count, status_reason, deletion_scheduled_at FROM organizations WHERE id = $1`,
      [orgId],
    );
    if (!org) throw new NotFoundException('Organization not found');
    const users = await this.dataSource.query(
      `SELECT id, email, name, role, mfa_enabled, last_login_at FROM users WHERE org_id = $1 ORDER BY created_at, id LIMIT ${DETAIL_USERS}`,
      [orgId],
    );
    const accounts = await this.dataSource.query(
      'SELECT id, name, provider, status, sync_error, last_synced_at FROM cloud_accounts WHERE org_id = $1 ORDER BY created_at, id',
      [orgId],
    );
    const byProvider: { provider: string; total: string; rows: number }[] = await this.dataSource.query(
      'SELECT provider, sum(amount)::text AS total, count(*)::int AS rows FROM cost_rows WHERE org_id = $1 GROUP BY provider ORDER BY provider',
      [orgId],
    );
    const [{ latest }] = await this.dataSource.query('SELECT max(date)::text AS latest FROM cost_rows WHERE org_id = $1', [orgId]);
    return {
      ...toOrgRowDto(org),
      require_2fa: org.require_2fa,
      allow_platform_impersonation: org.allow_platform_impersonation,
      cost_row_count: Number(org.cost_row_count),
      status_reason: org.status_reason,
      deletion_scheduled_at: org.deletion_scheduled_at?.toISOString() ?? null,
      users: users.map((user: { id: string; email: string; name: string; role: string; mfa_enabled: boolean; last_login_at: Date | null }) => ({
        ...user,
        last_login_at: user.last_login_at?.toISOString() ?? null,
      })),
      cloud_accounts: accounts.map((account: { id: string; name: string; provider: string; status: string; sync_error: string | null; last_synced_at: Date | null }) => ({
        ...account,
        last_synced_at: account.last_synced_at?.toISOString() ?? null,
      })),
      cost_summary: {
        total_cost: Math.round(byProvider.reduce((sum, row) => sum + Number(row.total), 0) * 100) / 100,
        currency: 'USD',
        latest_data_date: latest,
        row_count: byProvider.reduce((sum, row) => sum + row.rows, 0),
        by_provider: byProvider.map((row) => ({ provider: row.provider, total_cost: Math.round(Number(row.total) * 100) / 100, row_count: row.rows })),
      },
    };
  }

  /** Cloud accounts in the error state, newest failure first (partial index of the failing accounts). */
  async syncHealth(query: PaginationQueryDto): Promise<SyncHealthDto> {
    const page = resolvePage(query);
    const [rows, totals] = await Promise.all([
      this.dashboards.query(
      `SELECT a.id AS account_id, a.name AS account_name, a.provider, a.external_id, a.status, a.sync_error, a.last_synced_at, a.org_id, o.name AS org_name
         FROM cloud_accounts a JOIN organizations o ON o.id = a.org_id
        WHERE a.status = 'error' ORDER BY a.updated_at DESC, a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      ),
      // Accounts in error are what the org counters' error_count counts.
      this.totals(),
    ]);
    const total = totals.errors;
    return {
      items: rows.map((row: SyncHealthDto['items'][number] & { last_synced_at: Date | null }) => ({ ...row, last_synced_at: row.last_synced_at ? new Date(row.last_synced_at).toISOString() : null })),
      pagination: { page: page.page, limit: page.limit, total, next_cursor: null },
    };
  }

  /** Per org, the last 30 days: syncs, tenant API calls (from the hourly rollup), last activity, cost rows. */
  async usage(query: PaginationQueryDto): Promise<UsageDto> {
    const page = resolvePage(query);
    const since = new Date(this.clock.nowMilliseconds() - 30 * 86_400_000);
    const [rows, totals] = await Promise.all([
      this.dashboards.query(
      `SELECT o.id AS org_id, o.name AS org_name, o.plan, o.cost_row_count,
              (SELECT count(*) FROM sync_jobs j WHERE j.org_id = o.id AND j.created_at >= $1)::int AS syncs_30d,
              (SELECT COALESCE(sum(u.calls), 0) FROM api_usage_hourly u WHERE u.org_id = o.id AND u.hour >= $1)::bigint AS actions_30d,
              (SELECT max(u.last_seen_at) FROM api_usage_hourly u WHERE u.org_id = o.id) AS last_activity_at
         FROM (SELECT * FROM organizations ORDER BY created_at DESC, id LIMIT ${page.limit} OFFSET ${page.offset}) o
        ORDER BY o.created_at DESC, o.id`,
        [since],
      ),
      this.totals(),
    ]);
    const total = totals.organizations;
    return {
      items: rows.map((row: { org_id: string; org_name: string; plan: UsageDto['items'][number]['plan']; cost_row_count: string; syncs_30d: number; actions_30d: string; last_activity_at: Date | null }) => ({
        org_id: row.org_id,
        org_name: row.org_name,
        plan: row.plan,
        syncs_30d: row.syncs_30d,
        actions_30d: Number(row.actions_30d),
        last_activity_at: row.last_activity_at?.toISOString() ?? null,
        cost_rows: Number(row.cost_row_count),
      })),
      pagination: { page: page.page, limit: page.limit, total, next_cursor: null },
    };
  }

  /** Orgs, users and cloud accounts matching a term (name, e-mail, slug, external id) or an exact id; 20 of each. */
  async search(term: string): Promise<SearchResultDto> {
    const pattern = likePattern(term);
    const id = UUID.test(term) ? term : null;
    const orgs = await this.dataSource.query(
      `SELECT id, name, slug, status FROM organizations WHERE id = $2::uuid OR name ILIKE $1 OR slug ILIKE $1 ORDER BY name LIMIT 20`,
      [pattern, id],
    );
    const users = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.org_id, o.name AS org_name FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $2::uuid OR u.email ILIKE $1 OR u.name ILIKE $1 ORDER BY u.email LIMIT 20`,
      [pattern, id],
    );
    const accounts = await this.dataSource.query(
      `SELECT a.id, a.name, a.provider, a.external_id, a.org_id, o.name AS org_name FROM cloud_accounts a JOIN organizations o ON o.id = a.org_id
        WHERE a.id = $2::uuid OR a.name ILIKE $1 OR a.external_id ILIKE $1 ORDER BY a.name LIMIT 20`,
      [pattern, id],
    );
    return { orgs, users, cloud_accounts: accounts };
  }

  /** New orgs per ISO week (Monday start, UTC), oldest first, ending with the current week, zeros included. */
  async growth(weeks: number): Promise<GrowthDto> {
    const now = this.clock.now();
    const thisWeek = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7));
    const weekStarts = Array.from({ length: weeks }, (_, index) => new Date(thisWeek - (weeks - 1 - index) * WEEK_MS).toISOString().slice(0, 10));
    // The weekly sign-up counts a trigger keeps: at most `weeks` rows, whatever the number of orgs.
    const rows: { week_start: string; orgs: number }[] = await this.dashboards.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, orgs FROM org_weekly_signups WHERE week_start BETWEEN $1::date AND $2::date`,
      [weekStarts[0], weekStarts[weeks - 1]],
    );
    const signups = new Map(rows.map((row) => [row.week_start, row.orgs]));
    return { items: weekStarts.map((week_start) => ({ week_start, new_orgs: signups.get(week_start) ?? 0 })) };
  }
}

interface PlatformTotals {
  organizations: number;
  users: number;
  accounts: number;
  costRows: number;
  errors: number;
}

const TOTALS = `COALESCE(sum(organizations), 0)::bigint AS organizations, COALESCE(sum(user_count), 0)::bigint AS users, COALESCE(sum(account_count), 0)::bigint AS accounts,
  COALESCE(sum(cost_row_count), 0)::bigint AS cost_rows, COALESCE(sum(error_count), 0)::bigint AS errors`;

function toTotals(row: Record<string, string>): PlatformTotals {
  return { organizations: Number(row.organizations), users: Number(row.users), accounts: Number(row.accounts), costRows: Number(row.cost_rows), errors: Number(row.errors) };
}

/** An ILIKE pattern that matches the term anywhere, with its own wildcards taken literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function toOrgRowDto(row: OrgRow): OrgRowDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    plan: row.plan,
    status: row.status,
    user_count: row.user_count,
    account_count: row.account_count,
    error_count: row.error_count,
    last_sync_at: row.last_sync_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}
