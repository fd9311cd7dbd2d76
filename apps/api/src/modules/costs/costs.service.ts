import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { resolvePage } from '../../common/http/pagination.dto';
import type { CloudProvider } from '../cloud-accounts/cloud-account.entity';
import type { CostListQueryDto, CostRangeQueryDto, CostRowListDto, CostSummaryDto } from './dto/costs.dto';

const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;
// Pages of cost rows count exactly up to here; an org's rows for a filter rarely exceed it.
const EXACT_COUNT_LIMIT = 100_000;

/** Reads an org's cost rows through the (org_id, date) index; every query is bounded by a date range. */
@Injectable()
export class CostsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: ClockService) {}

  async summary(orgId: string, query: CostRangeQueryDto): Promise<CostSummaryDto> {
    const { from, to } = this.range(query);
    const byProvider: { provider: CloudProvider; total: string; rows: number }[] = await this.dataSource.query(
      `SELECT provider, sum(amount)::text AS total, count(*)::int AS rows FROM cost_rows
        WHERE org_id = $1 AND date BETWEEN $2 AND $3 GROUP BY provider ORDER BY provider`,
      [orgId, from, to],
    );
    const byDay: { date: string; total: string }[] = await this.dataSource.query(
      `SELECT d::date::text AS date, COALESCE(sum(c.amount), 0)::text AS total
         FROM generate_series($2::date, $3::date, interval '1 day') d
         LEFT JOIN cost_rows c ON c.org_id = $1 AND c.date = d::date
        GROUP BY d ORDER BY d`,
      [orgId, from, to],
    );
    const [{ latest }] = await this.dataSource.query('SELECT max(date)::text AS latest FROM cost_rows WHERE org_id = $1', [orgId]);
    return {
      from,
      to,
      total_cost: round(byProvider.reduce((sum, row) => sum + Number(row.total), 0)),
      currency: 'USD',
      latest_data_date: latest,
      row_count: byProvider.reduce((sum, row) => sum + row.rows, 0),
      by_provider: byProvider.map((row) => ({ provider: row.provider, total_cost: round(Number(row.total)), row_count: row.rows })),
      by_day: byDay.map((row) => ({ date: row.date, total_cost: round(Number(row.total)) })),
    };
  }

  async list(orgId: string, query: CostListQueryDto): Promise<CostRowListDto> {
    const { from, to } = this.range(query);
    const page = resolvePage(query);
    const conditions = ['org_id = $1', 'date BETWEEN $2 AND $3'];
    const parameters: unknown[] = [orgId, from, to];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (query.provider) add('provider = ?', query.provider);
    if (query.service) add('service = ?', query.service);
    if (query.account_id) add('account_id = ?', query.account_id);
    const where = conditions.join(' AND ');
    const rows: { id: string; account_id: string; date: string; provider: CloudProvider; service: string; amount: string; currency: string }[] = await this.dataSource.query(
      `SELECT id::text AS id, account_id, date::text AS date, provider, service, amount::text AS amount, currency FROM cost_rows
        WHERE ${where} ORDER BY date DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      parameters,
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM cost_rows WHERE ${where} LIMIT ${EXACT_COUNT_LIMIT}) capped`, parameters);
    return {
      items: rows.map((row) => ({ ...row, amount: Number(row.amount) })),
      pagination: { page: page.page, limit: page.limit, total, next_cursor: null },
    };
  }

  private range(query: { from?: string; to?: string }): { from: string; to: string } {
    const to = query.to ?? this.clock.now().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0) throw new BadRequestException('from must not be after to');
    if (days >= MAX_RANGE_DAYS) throw new BadRequestException(`The range may span at most ${MAX_RANGE_DAYS} days`);
    return { from, to };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
