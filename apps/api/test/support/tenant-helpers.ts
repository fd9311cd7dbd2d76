import request from 'supertest';
import type { TenantRole } from '@keel/shared';
import { SyncService } from '../../src/modules/cloud-accounts/sync.service';
import { createOrganization, createStaff, createTenantUser, signIn, type TestAccount } from './factories';
import type { TestApp } from './test-app';

export const TENANT_ROLE_LIST: readonly TenantRole[] = ['owner', 'admin', 'operator', 'viewer'];

/** Calls under /api/v1 with the given bearer token (none when null). */
export function api(test: TestApp, token: string | null) {
  const authorize = (pending: request.Test) => (token ? pending.auth(token, { type: 'bearer' }) : pending);
  return {
    get: (path: string) => authorize(request(test.http).get(`/api/v1${path}`)),
    post: (path: string) => authorize(request(test.http).post(`/api/v1${path}`)),
    patch: (path: string) => authorize(request(test.http).patch(`/api/v1${path}`)),
    delete: (path: string) => authorize(request(test.http).delete(`/api/v1${path}`)),
  };
}

/**
 * Closes the app, then waits a little: pg-boss's shutdown re-checks its workers every second after
 * stop() has returned, and that check must not run after Jest has torn the test environment down.
 */
export async function closeTestApp(test: TestApp): Promise<void> {
  await test.close();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

export interface TenantOrg {
  orgId: string;
  members: Record<TenantRole, TestAccount>;
  /** A signed-in (MFA-verified) session per role. */
  tokens: Record<TenantRole, string>;
}

/**
 * An active org with one signed-in member of each role. The factories write users straight into the
 * table, past the counters the API keeps, so the org's user_count is set to the real count here.
 */
export async function createTenantOrg(test: TestApp): Promise<TenantOrg> {
  const organization = await createOrganization(test);
  const members = {} as Record<TenantRole, TestAccount>;
  const tokens = {} as Record<TenantRole, string>;
  // One after the other, so that they list in role order (oldest first).
  for (const role of TENANT_ROLE_LIST) members[role] = await createTenantUser(test, { orgId: organization.id, role });
  await Promise.all([
    ...TENANT_ROLE_LIST.map(async (role) => (tokens[role] = (await signIn(test, members[role])).accessToken)),
    recountUsers(test, organization.id),
  ]);
  return { orgId: organization.id, members, tokens };
}

/** A tenant user added by a factory, with the org's user_count kept true. */
export async function addMember(test: TestApp, orgId: string, role: TenantRole): Promise<TestAccount> {
  const member = await createTenantUser(test, { orgId, role });
  await recountUsers(test, orgId);
  return member;
}

async function recountUsers(test: TestApp, orgId: string): Promise<void> {
  await test.dataSource.query('UPDATE organizations SET user_count = (SELECT count(*) FROM users WHERE org_id = $1) WHERE id = $1', [orgId]);
}

export async function staffToken(test: TestApp): Promise<string> {
  return (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
}

export interface OrgCounters {
  user_count: number;
  account_count: number;
  error_count: number;
  cost_row_count: number;
  last_sync_at: string | null;
}

/** The counters as stored on the organization row. */
export async function storedCounters(test: TestApp, orgId: string): Promise<OrgCounters> {
  const [row] = await test.dataSource.query(
    `SELECT user_count, account_count, error_count, cost_row_count::int AS cost_row_count, last_sync_at FROM organizations WHERE id = $1`,
    [orgId],
  );
  return { ...row, last_sync_at: row.last_sync_at?.toISOString() ?? null };
}

/** The same counters recounted with COUNT(*) from the tables they summarise. */
export async function recountedCounters(test: TestApp, orgId: string): Promise<OrgCounters> {
  const [row] = await test.dataSource.query(
    `SELECT (SELECT count(*)::int FROM users WHERE org_id = $1) AS user_count,
            (SELECT count(*)::int FROM cloud_accounts WHERE org_id = $1) AS account_count,
            (SELECT count(*)::int FROM cloud_accounts WHERE org_id = $1 AND status = 'error') AS error_count,
            (SELECT count(*)::int FROM cost_rows WHERE org_id = $1) AS cost_row_count,
            (SELECT max(last_synced_at) FROM cloud_accounts WHERE org_id = $1) AS last_sync_at`,
    [orgId],
  );
  return { ...row, last_sync_at: row.last_sync_at?.toISOString() ?? null };
}

export interface SyncJobRow {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  rows_written: number;
  error: string | null;
}

const BUSY = ['queued', 'running'];

/** Runs a queued sync in this test's app at once, the way its queue worker would (a no-op if it already finished). */
export async function runSyncHere(test: TestApp, syncJobId: string, attempt = { final: false }): Promise<void> {
  await test.app.get(SyncService).run(syncJobId, attempt);
}

/** Polls the sync_jobs row until the sync has finished (null if it went with its account). */
export async function waitForSyncJob(test: TestApp, syncJobId: string, timeoutMilliseconds = 15_000): Promise<SyncJobRow | null> {
  const started = Date.now();
  for (;;) {
    const [job]: SyncJobRow[] = await test.dataSource.query('SELECT id, status, rows_written, error FROM sync_jobs WHERE id = $1', [syncJobId]);
    if (!job || !BUSY.includes(job.status)) return job ?? null;
    if (Date.now() - started > timeoutMilliseconds) throw new Error(`Sync job ${syncJobId} still ${job.status} after ${timeoutMilliseconds} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A sync_jobs row with no queue job behind it, so that only the test runs it; a running one marks its account syncing, as a start does. */
export async function insertSyncJob(test: TestApp, account: { id: string }, options: { status?: 'queued' | 'running'; startedSecondsAgo?: number } = {}): Promise<string> {
  const now = test.clock.now();
  const startedAt = options.startedSecondsAgo === undefined ? null : new Date(now.getTime() - options.startedSecondsAgo * 1000);
  const [{ id }] = await test.dataSource.query(
    `INSERT INTO sync_jobs (org_id, account_id, status, trigger, created_at, started_at)
     SELECT org_id, id, $2, 'manual', $3, $4 FROM cloud_accounts WHERE id = $1 RETURNING id`,
    [account.id, options.status ?? 'queued', startedAt ?? now, startedAt],
  );
  if (options.status === 'running') await test.dataSource.query(`UPDATE cloud_accounts SET status = 'syncing' WHERE id = $1`, [account.id]);
  return id;
}

/** Waits until no sync of the org is queued or running. */
export async function waitForOrgSyncsToSettle(test: TestApp, orgId: string, timeoutMilliseconds = 20_000): Promise<void> {
  const busy: { id: string }[] = await test.dataSource.query(`SELECT id FROM sync_jobs WHERE org_id = $1 AND status IN ('queued', 'running')`, [orgId]);
  for (const { id } of busy) await waitForSyncJob(test, id, timeoutMilliseconds);
}

/** Asks for a sync through the API (202), runs it here at once and returns the finished job. */
export async function syncAndWait(test: TestApp, token: string, accountId: string): Promise<SyncJobRow> {
  const response = await api(test, token).post(`/cloud-accounts/${accountId}/sync`).expect(202);
  await runSyncHere(test, response.body.id);
  const job = await waitForSyncJob(test, response.body.id);
  if (!job) throw new Error(`Sync job ${response.body.id} disappeared`);
  return job;
}

export interface AuditEntry {
  id: string;
  seq: number | string;
  action: string;
  actor: { type: string; id: string | null; email: string | null };
  target: { type: string; id: string; name: string | null } | null;
  org_id: string | null;
  metadata: Record<string, unknown>;
}

/** The org's own log as its owner or admin reads it (one page of 200), newest first by `seq` taken as a number. */
export async function orgLog(test: TestApp, token: string, query: Record<string, string> = {}): Promise<AuditEntry[]> {
  const response = await api(test, token).get('/admin/audit-log').query({ limit: 200, ...query }).expect(200);
  const entries: AuditEntry[] = response.body.entries;
  return entries.sort((a, b) => Number(b.seq) - Number(a.seq));
}

export const ACCOUNT_DATA_TABLES = ['cost_rows', 'sync_jobs', 'budgets', 'alert_rules', 'anomaly_alerts', 'recommendations', 'network_costs', 'resource_inventory', 'coverage_data', 'account_access_grants'] as const;

/**
 * One row in each table that the product's analysis jobs fill for a cloud account (anomalies,
 * recommendations, network costs, inventory, coverage) and an access grant, written directly.
 * Cost rows and sync jobs come from a real sync, budgets and alert rules from the API.
 */
export async function insertAnalysisData(test: TestApp, account: { orgId: string; accountId: string; userId: string }): Promise<void> {
  const { orgId, accountId, userId } = account;
  const now = test.clock.now();
  const query = (sql: string, parameters: unknown[]) => test.dataSource.query(sql, parameters);
  await query(`INSERT INTO anomaly_alerts (org_id, account_id, detected_at, service, expected_amount, actual_amount, severity) VALUES ($1, $2, $3, 'Amazon EC2', 10, 40, 'high')`, [orgId, accountId, now]);
  await query(`INSERT INTO recommendations (org_id, account_id, kind, title, estimated_monthly_savings, created_at) VALUES ($1, $2, 'rightsizing', 'Downsize idle instances', 120, $3)`, [orgId, accountId, now]);
  await query(`INSERT INTO network_costs (org_id, account_id, date, source_region, destination_region, amount) VALUES ($1, $2, '2020-01-01', 'us-east-1', 'eu-west-1', 3)`, [orgId, accountId]);
  await query(`INSERT INTO resource_inventory (org_id, account_id, resource_type, resource_id, region, monthly_cost) VALUES ($1, $2, 'ec2:instance', 'i-0123456789', 'us-east-1', 70)`, [orgId, accountId]);
  await query(`INSERT INTO coverage_data (org_id, account_id, date, service, coverage_percent, utilization_percent) VALUES ($1, $2, '2020-01-01', 'Amazon EC2', 55, 80)`, [orgId, accountId]);
  await query(`INSERT INTO account_access_grants (org_id, account_id, user_id, created_at) VALUES ($1, $2, $3, $4)`, [orgId, accountId, userId, now]);
}

/** How many rows each account-data table holds for the account. */
export async function countAccountData(test: TestApp, accountId: string): Promise<Record<(typeof ACCOUNT_DATA_TABLES)[number], number>> {
  const counts = {} as Record<(typeof ACCOUNT_DATA_TABLES)[number], number>;
  for (const table of ACCOUNT_DATA_TABLES) {
    const [{ count }] = await test.dataSource.query(`SELECT count(*)::int AS count FROM ${table} WHERE account_id = $1`, [accountId]);
    counts[table] = count;
  }
  return counts;
}
