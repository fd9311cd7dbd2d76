import { Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { ReadDatabase } from '../../database/read-database';
import { resolvePage } from '../../common/http/pagination.dto';
import { JobQueueService } from '../jobs/job-queue.service';
import type { FleetHealthDto, TenantHealthDetailDto, TenantHealthListDto, TenantHealthQueryDto } from './dto/tenant-health.dto';
import { judgeHealth, SEVERITY_RANK } from './health-rules';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { WebhooksService } from '../webhooks/webhooks.service';

const HOUR = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORT_COLUMNS: Record<string, string> = { name: 'o.name', health: 'h.severity_rank', api_calls_24h: 'h.calls_24h', error_rate: 'h.error_rate', last_seen_at: 'h.last_seen_at' };

interface Signals {
  org_id: string;
  name: string;
  calls: string;
  errors: string;
  baseline_calls: string;
  last_seen_at: Date | null;
}

/**
 * Tenant health (SPEC §5) for the support console. A job recomputes every org's class each minute
 * from the hourly usage rollup into tenant_health, which the list and the stats read; one org's
 * detail is computed live from its own 8 days of hourly rows.
 */
@Injectable()
export class TenantsHealthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TenantsHealthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dashboards: ReadDatabase,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueueService,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly webhooks: WebhooksService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('tenant-health.refresh', '* * * * *');
    await this.jobs.work('tenant-health.refresh', () => this.refresh().then(() => undefined));
    if (!this.config.isTest) await this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'Health refresh failed'));
  }

  /** Recomputes every org's health; returns how many orgs were judged. */
  async refresh(): Promise<number> {
    const now = this.clock.nowMilliseconds();
    const signals: Signals[] = await this.dataSource.query(
      `SELECT o.id AS org_id, o.name,
              COALESCE(sum(u.calls) FILTER (WHERE u.hour > $1), 0)::text AS calls,
              COALESCE(sum(u.errors) FILTER (WHERE u.hour > $1), 0)::text AS errors,
              COALESCE(sum(u.calls) FILTER (WHERE u.hour <= $1), 0)::text AS baseline_calls,
              max(u.last_seen_at) AS last_seen_at
         FROM organizations o LEFT JOIN api_usage_hourly u ON u.org_id = o.id AND u.hour > $2
        GROUP BY o.id, o.name`,
      [new Date(now - 24 * HOUR), new Date(now - 8 * 24 * HOUR)],
    );
    const rows = signals.map((row) => {
      const calls = Number(row.calls);
      const errors = Number(row.errors);
      const baseline = Number(row.baseline_calls) / 7;
      return { orgId: row.org_id, name: row.name, calls, errors, baseline, lastSeen: row.last_seen_at, ...judgeHealth({ calls, errors, baseline }, this.config.healthThresholds) };
    });
    if (rows.length === 0) return 0;
    const previous = new Map<string, string>((await this.dataSource.query('SELECT org_id, health FROM tenant_health')).map((row: { org_id: string; health: string }) => [row.org_id, row.health]));
    // The new classes and their `tenant.health_changed` events commit together.
    await this.transactionHost.withTransaction(async () => {
      await this.transactionHost.tx.query(
        `INSERT INTO tenant_health (org_id, calls_24h, errors_24h, baseline_per_day, error_rate, health, reason, last_seen_at, severity_rank, org_name, computed_at)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::numeric[], $5::numeric[], $6::varchar[], $7::varchar[], $8::timestamptz[], $10::smallint[], $11::varchar[]) AS r,
                (SELECT $9::timestamptz) AS t
         ON CONFLICT (org_id) DO UPDATE SET calls_24h = EXCLUDED.calls_24h, errors_24h = EXCLUDED.errors_24h, baseline_per_day = EXCLUDED.baseline_per_day,
           error_rate = EXCLUDED.error_rate, health = EXCLUDED.health, reason = EXCLUDED.reason, last_seen_at = EXCLUDED.last_seen_at,
           severity_rank = EXCLUDED.severity_rank, org_name = EXCLUDED.org_name, computed_at = EXCLUDED.computed_at`,
        [
          rows.map((row) => row.orgId),
          rows.map((row) => row.calls),
          rows.map((row) => row.errors),
          rows.map((row) => Math.round(row.baseline * 100) / 100),
          rows.map((row) => row.errorRate),
          rows.map((row) => row.health),
          rows.map((row) => row.reason),
          rows.map((row) => row.lastSeen),
          new Date(now),
          rows.map((row) => SEVERITY_RANK[row.health]),
          rows.map((row) => row.name),
        ],
      );
      for (const row of rows) {
        const before = previous.get(row.orgId);
        if (before && before !== row.health) {
          await this.webhooks.emit('tenant.health_changed', { org_id: row.orgId, previous_health: before, health: row.health, reason: row.reason, api_calls_24h: row.calls, error_rate: row.errorRate });
        }
      }
    });
    return rows.length;
  }

  async fleet(): Promise<FleetHealthDto> {
    // Kept by a trigger on tenant_health (four rows), never counted over every org.
    const counts: { health: keyof FleetHealthDto; count: number }[] = await this.dashboards.query('SELECT health, orgs AS count FROM tenant_health_totals');
    const stats: FleetHealthDto = { total: 0, healthy: 0, warning: 0, critical: 0, unknown: 0 };
    for (const { health, count } of counts) {
      stats[health] = count;
      stats.total += count;
    }
    return stats;
  }

  async list(query: TenantHealthQueryDto): Promise<TenantHealthListDto> {
    const page = resolvePage(query);
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replaceAll('?', `$${parameters.length}`));
    };
    if (query.search) {
      if (UUID.test(query.search)) add('o.id = ?::uuid', query.search);
      else add("o.name ILIKE ?", `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    }
    if (query.health) add('h.health = ?', query.health);
    if (query.status) add('o.status = ?', query.status);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const sort = query.sort ?? 'health';
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    // Worst first reads the index (severity_rank, org_name, org_id); the other orders sort the matching orgs.
    const order = sort === 'health' ? 'h.severity_rank, h.org_name, h.org_id' : `${SORT_COLUMNS[sort.replace(/^-/, '')]} ${direction} NULLS LAST, o.name, o.id`;
    // The page, the fleet counts and (when filtered) the total at once: one round trip's wait, not three.
    const [rows, stats, filteredTotal] = await Promise.all([
      this.dashboards.query(
        `SELECT o.id AS org_id, o.name, o.status, h.health, h.calls_24h, h.error_rate::float8 AS error_rate, h.last_seen_at, h.reason
           FROM tenant_health h JOIN organizations o ON o.id = h.org_id ${where}
          ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
        parameters,
      ),
      this.fleet(),
      conditions.length ? this.dashboards.query<{ total: number }>(`SELECT count(*)::int AS total FROM tenant_health h JOIN organizations o ON o.id = h.org_id ${where}`, parameters).then(([row]) => row.total) : null,
    ]);
    const total = filteredTotal ?? stats.total;
    return {
      stats,
      items: rows.map((row: { org_id: string; name: string; status: TenantHealthListDto['items'][number]['status']; health: string; calls_24h: number; error_rate: number | null; last_seen_at: Date | null; reason: string }) => ({
        org_id: row.org_id,
        name: row.name,
        status: row.status,
        health: row.health,
        api_calls_24h: row.calls_24h,
        error_rate: row.error_rate,
        last_seen_at: row.last_seen_at?.toISOString() ?? null,
        reason: row.reason,
      })),
      pagination: { page: page.page, limit: page.limit, total, next_cursor: null },
    };
  }

  async detail(orgId: string): Promise<TenantHealthDetailDto> {
    const [org] = await this.dataSource.query('SELECT id, name, status FROM organizations WHERE id = $1', [orgId]);
    if (!org) throw new NotFoundException('Organization not found');
    const now = this.clock.nowMilliseconds();
    const currentHour = now - (now % HOUR);
    const usage: { hour: Date; calls: number; errors: number; last_seen_at: Date }[] = await this.dataSource.query(
      'SELECT hour, calls, errors, last_seen_at FROM api_usage_hourly WHERE org_id = $1 AND hour > $2 ORDER BY hour',
      [orgId, new Date(now - 8 * 24 * HOUR)],
    );
    const recent = usage.filter((bucket) => bucket.hour.getTime() > now - 24 * HOUR);
    const calls = recent.reduce((sum, bucket) => sum + bucket.calls, 0);
    const errors = recent.reduce((sum, bucket) => sum + bucket.errors, 0);
    const baseline = usage.filter((bucket) => bucket.hour.getTime() <= now - 24 * HOUR).reduce((sum, bucket) => sum + bucket.calls, 0) / 7;
    const verdict = judgeHealth({ calls, errors, baseline }, this.config.healthThresholds);
    const byHour = new Map(usage.map((bucket) => [bucket.hour.getTime(), bucket]));
    const lastSeen = usage.reduce<Date | null>((latest, bucket) => (!latest || bucket.last_seen_at > latest ? bucket.last_seen_at : latest), null);
    return {
      org_id: org.id,
      name: org.name,
      status: org.status,
      health: verdict.health,
      api_calls_24h: calls,
      errors_24h: errors,
      error_rate: verdict.errorRate,
      baseline_calls_per_day: Math.round(baseline * 100) / 100,
      last_seen_at: lastSeen?.toISOString() ?? null,
      reason: verdict.reason,
      hourly: Array.from({ length: 48 }, (_, index) => {
        const hour = currentHour - (47 - index) * HOUR;
        const bucket = byHour.get(hour);
        return { hour: new Date(hour).toISOString(), calls: bucket?.calls ?? 0, errors: bucket?.errors ?? 0 };
      }),
    };
  }
}
