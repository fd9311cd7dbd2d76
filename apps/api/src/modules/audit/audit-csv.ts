import type { KeyObject } from 'node:crypto';
import { restoreCell } from '../../common/http/csv-export';
import { checkpointSignatureHolds } from './audit-checkpoint';
import { chainHash, type HashableEntry } from './audit-hash';

/**
 * The columns of an audit CSV export: the entry, then its link in the hash chain (empty until the sealer
 * has linked it, within seconds of commit) and, on the entry where a signed checkpoint was taken, that
 * checkpoint as JSON. With them an export can be checked offline (`npm run audit:verify`).
 */
export const AUDIT_CSV_COLUMNS = ['id', 'seq', 'created_at', 'action', 'actor_type', 'actor_id', 'actor_email', 'target_type', 'target_id', 'target_name', 'org_id', 'impersonation_id', 'ip_address', 'user_agent', 'request_id', 'metadata', 'chain_key', 'chain_index', 'chain_prev_hash', 'chain_hash', 'checkpoint'] as const;
type Column = (typeof AUDIT_CSV_COLUMNS)[number];
type Row = Record<Column, string | null> & { line: number };

export interface ExportVerification {
  ok: boolean;
  rows: number;
  chains: number;
  /** Rows at or before a valid signed checkpoint in an unbroken run of their chain. */
  proven: number;
  /** Rows whose hashes hold but that no signed checkpoint covers yet (newer than the last one, or before a gap). */
  linkedOnly: number;
  unsealed: number;
  validCheckpoints: number;
  signaturesChecked: boolean;
  /** Missing chain indexes: a filtered export has them; a complete one must not. */
  gaps: string[];
  /** What failed, each naming the CSV line and entry. */
  problems: string[];
}

/**
 * Recomputes every row's hash from its cells and the row's previous hash, checks each link to the row
 * before it in the same chain (by chain index, not by `seq`: a late commit is linked after later
 * entries), and checks every checkpoint's signature against `keys`. Rows are proven when a valid
 * checkpoint follows them in an unbroken run: its signed hash commits to all of them.
 */
export function verifyAuditCsv(csv: string, keys: ReadonlyMap<string, KeyObject> | null, options: { allowGaps?: boolean } = {}): ExportVerification {
  const result: ExportVerification = { ok: false, rows: 0, chains: 0, proven: 0, linkedOnly: 0, unsealed: 0, validCheckpoints: 0, signaturesChecked: keys !== null, gaps: [], problems: [] };
  const records = parseCsv(csv);
  const header = records.shift()?.cells ?? [];
  const missing = AUDIT_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    result.problems.push(`not an audit export with chain columns: missing ${missing.join(', ')}`);
    return result;
  }
  const chains = new Map<string, Row[]>();
  for (const record of records) {
    const cells = Object.fromEntries(AUDIT_CSV_COLUMNS.map((column) => [column, restoreCell(record.cells[header.indexOf(column)] ?? null)])) as Record<Column, string | null>;
    const row: Row = { ...cells, line: record.line };
    result.rows += 1;
    if (row.chain_index === null || row.chain_key === null) {
      result.unsealed += 1;
      continue;
    }
    chains.set(row.chain_key, [...(chains.get(row.chain_key) ?? []), row]);
  }
  result.chains = chains.size;
  for (const [chainKey, rows] of chains) verifyChain(chainKey, rows.sort((a, b) => compareIndex(a.chain_index!, b.chain_index!)), keys, result);
  result.ok = result.problems.length === 0 && (options.allowGaps === true || result.gaps.length === 0);
  return result;
}

function verifyChain(chainKey: string, rows: Row[], keys: ReadonlyMap<string, KeyObject> | null, result: ExportVerification): void {
  let previous: Row | undefined;
  let pending = 0; // rows of the current run that no checkpoint covers yet
  for (const row of rows) {
    const name = `line ${row.line} (id ${row.id}, seq ${row.seq})`;
    const index = BigInt(row.chain_index!);
    if (previous && index === BigInt(previous.chain_index!)) {
      result.problems.push(`${name}: chain ${chainKey} index ${index} appears twice`);
      continue;
    }
    if (previous && index !== BigInt(previous.chain_index!) + 1n) {
      result.gaps.push(`chain ${chainKey}: indexes ${BigInt(previous.chain_index!) + 1n}–${index - 1n} are not in the export (before ${name})`);
      result.linkedOnly += pending;
      pending = 0;
    } else if (previous && row.chain_prev_hash !== previous.chain_hash) {
      result.problems.push(`${name}: its previous hash is not the hash of line ${previous.line}: the link is broken`);
    }
    previous = row;
    const entry = toEntry(row);
    if (!entry || chainHash(row.chain_prev_hash ?? '', entry) !== row.chain_hash) {
      result.problems.push(`${name}: its cells do not match its hash: the entry was altered`);
      continue;
    }
    pending += 1;
    if (row.checkpoint === null || keys === null) continue;
    if (checkpointHolds(chainKey, row, keys)) {
      result.validCheckpoints += 1;
      result.proven += pending;
      pending = 0;
    } else {
      result.problems.push(`${name}: the checkpoint's signature does not hold (altered, or signed by a key not in --keys)`);
    }
  }
  result.linkedOnly += pending;
}

function checkpointHolds(chainKey: string, row: Row, keys: ReadonlyMap<string, KeyObject>): boolean {
  try {
    const checkpoint = JSON.parse(row.checkpoint!) as { created_at: string; entry_count: string; key_id: string; signature: string };
    const statement = { chain_key: chainKey, chain_index: row.chain_index!, hash: row.chain_hash!, entry_count: checkpoint.entry_count, created_at: checkpoint.created_at, key_id: checkpoint.key_id };
    return checkpointSignatureHolds(statement, checkpoint.signature, keys);
  } catch {
    return false;
  }
}

// The entry as the sealer hashed it; undefined when a cell cannot be what the database held.
function toEntry(row: Row): HashableEntry | undefined {
  const createdAt = new Date(row.created_at ?? '');
  if (row.id === null || row.seq === null || row.action === null || row.actor_type === null || Number.isNaN(createdAt.getTime())) return undefined;
  let metadata: unknown;
  try {
    metadata = JSON.parse(row.metadata ?? '');
  } catch {
    return undefined;
  }
  return { ...row, id: row.id, seq: row.seq, action: row.action, actor_type: row.actor_type, created_at: createdAt, metadata };
}

function compareIndex(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** RFC 4180 records with the line each starts on; an unquoted empty cell is null, a quoted one an empty string. */
function parseCsv(text: string): { line: number; cells: (string | null)[] }[] {
  const records: { line: number; cells: (string | null)[] }[] = [];
  let cells: (string | null)[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(quoted || cell !== '' ? cell : null);
    cell = '';
    quoted = false;
  };
  for (let position = 0; position < text.length; position++) {
    const character = text[position];
    if (character === '\n') line += 1;
    if (inQuotes) {
      if (character !== '"') cell += character;
      else if (text[position + 1] === '"') cell += text[++position];
      else inQuotes = false;
    } else if (character === '"') {
      inQuotes = true;
      quoted = true;
    } else if (character === ',') {
      endCell();
    } else if (character === '\r' && text[position + 1] === '\n') {
      continue; // the line feed ends the record
    } else if (character === '\n') {
      endCell();
      records.push({ line: recordLine, cells });
      cells = [];
      recordLine = line;
    } else {
      cell += character;
    }
  }
  if (cell !== '' || quoted || cells.length > 0) {
    endCell();
    records.push({ line: recordLine, cells });
  }
  return records;
}
