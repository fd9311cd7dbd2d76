import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { csvExportStream } from '../../common/http/csv-export';
import { resolvePage } from '../../common/http/pagination.dto';
import { AUDIT_CSV_COLUMNS } from './audit-csv';
import { hashableColumns, type HashableEntry } from './audit-hash';
import { AUDIT_TABLES, type AuditLogName } from './audit-sealer.service';
import type { AuditEntryDto, AuditLogPageDto, PlatformAuditLogQueryDto } from './dto/audit-log.dto';

// Counting stops here; beyond it the planner's estimate is reported (total_estimated: true).
const EXACT_COUNT_LIMIT = 10_000;
const COLUMNS = hashableColumns();
// The checkpoint's time as the signature covers it (JavaScript's toISOString: milliseconds, Z).
const CHECKPOINT_JSON = `CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object(
  'created_at', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'entry_count', c.entry_count::text, 'key_id', c.key_id, 'signature', c.signature) END`;

type EntryRow = HashableEntry;

export type AuditFilters = Pick<PlatformAuditLogQueryDto, 'org_id' | 'action' | 'actor_id' | 'from' | 'to'>;

/** Reads an audit log newest first, by keyset on `seq`, so that page 1,000,000 costs what page 1 does. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(log: AuditLogName, filters: AuditFilters, query: PlatformAuditLogQueryDto): Promise<AuditLogPageDto> {
    const page = resolvePage(query);
    const where = this.where(log, filters);
    const conditions = [...where.conditions];
    const parameters = [...where.parameters];
    if (query.cursor) {
      parameters.push(query.cursor);
      conditions.push(`seq < $${parameters.length}`);
    }
    const offset = query.cursor ? 0 : page.offset;
    // The page and its count at once (two connections): one round trip's wait, not two.
    const [rows, { total, estimated }] = await Promise.all([
      this.dataSource.query<EntryRow[]>(
        // Order by the table's bigint column, not the text alias of the same name.
        `SELECT ${COLUMNS} FROM ${AUDIT_TABLES[log]} ${whereClause(conditions)} ORDER BY ${AUDIT_TABLES[log]}.seq DESC LIMIT ${page.limit} OFFSET ${offset}`,
        parameters,
      ),
      this.count(log, where.conditions, where.parameters),
    ]);
    return {
      entries: rows.map(toEntryDto),
      pagination: {
        page: page.page,
        limit: page.limit,
        total,
        total_estimated: estimated,
        next_cursor: rows.length === page.limit ? rows[rows.length - 1].seq : null,
      },
    };
  }

  /** Streams every matching entry as CSV from a database cursor: memory stays flat whatever the size. */
  async exportCsv(log: AuditLogName, filters: AuditFilters, output: Writable): Promise<void> {
    const { conditions, parameters } = this.where(log, filters, 'e.');
    const queryRunner = this.dataSource.createQueryRunner('slave');
    await queryRunner.connect();
    try {
      const rows = await queryRunner.stream(
        `SELECT ${hashableColumns('e')}, s.chain_key, s.chain_index::text AS chain_index, s.prev_hash AS chain_prev_hash, s.hash AS chain_hash, ${CHECKPOINT_JSON} AS checkpoint
           FROM ${AUDIT_TABLES[log]} e
           LEFT JOIN audit_seals s ON s.entry_id = e.id
           LEFT JOIN audit_checkpoints c ON c.chain_key = s.chain_key AND c.chain_index = s.chain_index
           ${whereClause(conditions)} ORDER BY e.seq`,
        parameters,
      );
      await pipeline(rows, csvExportStream(AUDIT_CSV_COLUMNS), output);
    } finally {
      await queryRunner.release();
    }
  }

  private where(log: AuditLogName, filters: AuditFilters, prefix = ''): { conditions: string[]; parameters: unknown[] } {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(prefix + sql.replace('?', `$${parameters.length}`));
    };
    if (filters.org_id) add('org_id = ?', filters.org_id);
    if (filters.action) add('action = ?', filters.action);
    if (filters.actor_id) add('actor_id = ?', filters.actor_id);
    if (filters.from) add('created_at >= ?', filters.from);
    if (filters.to) add('created_at < ?', filters.to);
    if (log === 'org' && !filters.org_id) throw new Error('The org log is always read for one org');
    return { conditions, parameters };
  }

  private async count(log: AuditLogName, conditions: string[], parameters: unknown[]): Promise<{ total: number; estimated: boolean }> {
    const table = AUDIT_TABLES[log];
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${table} ${whereClause(conditions)} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
      parameters,
    );
    if (count <= EXACT_COUNT_LIMIT) return { total: count, estimated: false };
    const [{ 'QUERY PLAN': plan }] = await this.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} ${whereClause(conditions)}`, parameters);
    return { total: Math.max(count, Math.round(plan[0].Plan['Plan Rows'])), estimated: true };
  }
}

function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

function toEntryDto(row: EntryRow): AuditEntryDto {
  return {
    id: row.id,
    seq: Number(row.seq),
    action: row.action,
    created_at: row.created_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, email: row.actor_email },
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id, name: row.target_name } : null,
    org_id: row.org_id,
    impersonation_id: row.impersonation_id,
    metadata: row.metadata as Record<string, unknown>,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    request_id: row.request_id,
  };
}
