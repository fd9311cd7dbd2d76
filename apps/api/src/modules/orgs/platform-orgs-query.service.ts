import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { resolvePage } from '../../common/http/pagination.dto';
import type { GrowthDto, OrgDetailDto, OrgListDto, OrgListQueryDto, OrgRowDto, PlatformStatsDto } from './dto/platform-orgs.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DETAIL_USERS = 200;
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: ClockService) {}

  async stats(): Promise<PlatformStatsDto> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS orgs, COALESCE(sum(user_count), 0)::bigint AS users, COALESCE(sum(account_count), 0)::bigint AS accounts,
              COALESCE(sum(cost_row_count), 0)::bigint AS cost_rows, COALESCE(sum(error_count), 0)::bigint AS errors,
              count(*) FILTER (WHERE created_at >= $1)::int AS recent
         FROM organizations`,
      [new Date(this.clock.nowMilliseconds() - 30 * 86_400_000)],
    );
    return {
      total_organizations: row.orgs,
      total_users: Number(row.users),
      total_cloud_accounts: Number(row.accounts),
      total_cost_rows: Number(row.cost_rows),
      sync_errors: Number(row.errors),
      new_orgs_30d: row.recent,
    };
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
      const pattern = `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      if (UUID.test(query.search)) add('(id = ?::uuid OR name ILIKE ? OR slug ILIKE ?)', query.search, pattern, pattern);
      else add('(name ILIKE ? OR slug ILIKE ?)', pattern, pattern);
    }
    if (query.status) add('status = ?', query.status);
    if (query.plan) add('plan = ?', query.plan);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const sort = query.sort ?? '-created_at';
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    const column = sort.replace(/^-/, '');
    // The id tie-breaker keeps pages stable when many orgs share a value.
    const order = `${column} ${direction} NULLS LAST, id ${direction}`;
    const rows: OrgRow[] = await this.dataSource.query(`SELECT ${ROW_COLUMNS} FROM organizations ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`, parameters);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM organizations ${where}`, parameters);
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

  /** New orgs per ISO week (Monday start, UTC), oldest first, ending with the current week, zeros included. */
  async growth(weeks: number): Promise<GrowthDto> {
    const rows: { week_start: string; new_orgs: number }[] = await this.dataSource.query(
      `WITH weeks AS (
         SELECT generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE 'UTC') - ($2 - 1) * interval '1 week',
                                date_trunc('week', $1::timestamptz AT TIME ZONE 'UTC'), interval '1 week') AS week_start)
       SELECT w.week_start::date::text AS week_start, count(o.id)::int AS new_orgs
         FROM weeks w LEFT JOIN organizations o
           ON o.created_at AT TIME ZONE 'UTC' >= w.week_start AND o.created_at AT TIME ZONE 'UTC' < w.week_start + interval '1 week'
        GROUP BY w.week_start ORDER BY w.week_start`,
      [this.clock.now(), weeks],
    );
    return { items: rows };
  }
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
