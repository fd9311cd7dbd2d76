import type { TestApp } from './test-app';

// What a request may change. Audit rows count when a request wrote them (background jobs write theirs without a request id).
const WATCHED_TABLES = [
  'organizations',
  'users',
  'platform_users',
  'sessions',
  'auth_tokens',
  'mail_messages',
  'cloud_accounts',
  'sync_jobs',
  'budgets',
  'alert_rules',
  'support_sessions',
  'api_keys',
  'webhooks',
  'webhook_events',
  'idempotency_keys',
];
export const AUDIT_TABLES = { platform: 'platform_audit_log', org: 'audit_log' } as const;

/** A digest per watched table: equal fingerprints before and after a request mean it changed nothing (use an isolated schema). */
export async function fingerprint(test: TestApp): Promise<Record<string, string>> {
  const digest = (table: string, where = '') => `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t ${where}) AS ${table}`;
  const columns = [...WATCHED_TABLES.map((table) => digest(table)), ...Object.values(AUDIT_TABLES).map((table) => digest(table, 'WHERE request_id IS NOT NULL'))];
  const [row] = await test.dataSource.query(`SELECT ${columns.join(', ')}`);
  return row;
}

/** The tables whose digest differs between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}
