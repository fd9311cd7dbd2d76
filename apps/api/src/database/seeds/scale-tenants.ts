import type { Client } from 'pg';
import { insertRows } from './bulk-insert';
import type { ScaleAccount, ScaleOrganization, ScalePlan } from './scale-plan';
import { userEmailSql, userIdSql, userNameSql } from './scale-sql';
import { COST_HISTORY_DAYS, SIMULATED_SERVICES, simulatedSyncError } from './seed-cloud-accounts';
import { SeededRandom } from './seed-random';
import { hourlyUsage } from './seed-traffic';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const COST_FOREIGN_KEY = 'FK_cost_rows_account_id';

/**
 * The scale seed's orgs and what hangs off them, except users and cost rows (their own chunks):
 * staff, cloud accounts, their latest sync jobs, budgets, alert rules, anomaly alerts,
 * recommendations and 8 days of hourly API usage. Sets the counters these rows determine.
 */
export async function insertTenants(client: Client, plan: ScalePlan, passwordHash: string): Promise<number> {
  const { anchor, organizations } = plan;
  const random = new SeededRandom(4_242);
  let rows = 0;
  await client.query(
    `INSERT INTO platform_users (id, email, name, role, status, password_hash, password_changed_at, created_at, updated_at)
     SELECT id, email, name, role, 'active', $5, $6, $6, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS s(id, email, name, role)
     ON CONFLICT DO NOTHING`,
    [plan.staff.map((staff) => staff.id), plan.staff.map((staff) => staff.email), plan.staff.map((staff) => staff.name), plan.staff.map((staff) => staff.role), passwordHash, new Date(anchor.getTime() - 400 * DAY)],
  );
  rows += await insertRows(
    client,
    'organizations',
    [['id', 'uuid'], ['name', 'text'], ['slug', 'text'], ['plan', 'text'], ['status', 'text'], ['require_2fa', 'boolean'], ['allow_platform_impersonation', 'boolean'], ['account_count', 'integer'], ['error_count', 'integer'], ['last_sync_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    organizations.map((organization) => [
      organization.id, organization.name, organization.slug, organization.plan, organization.status, organization.requireTwoFactor, organization.allowPlatformImpersonation,
      organization.accounts.length, organization.accounts.filter((account) => account.status === 'error').length, lastSyncOf(organization),
      // updated_at keeps the first run's moment: a resumed run plans the same data from it.
      organization.createdAt, anchor,
    ]),
  );

  const accounts = organizations.flatMap((organization) => organization.accounts.map((account) => ({ organization, account })));
  const syncErrors = new Map<string, string>();
  for (const { account } of accounts) if (account.status === 'error') syncErrors.set(account.id, await simulatedSyncError(account, anchor));
  rows += await insertRows(
    client,
    'cloud_accounts',
    [['id', 'uuid'], ['org_id', 'uuid'], ['name', 'text'], ['provider', 'text'], ['external_id', 'text'], ['status', 'text'], ['sync_error', 'text'], ['last_synced_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    accounts.map(({ organization, account }) => [
      account.id, organization.id, account.name, account.provider, account.externalId, account.status, syncErrors.get(account.id) ?? null, account.lastSyncedAt, account.createdAt, account.lastSyncedAt ?? account.createdAt,
    ]),
  );
  rows += await insertRows(
    client,
    'sync_jobs',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['status', 'text'], ['trigger', 'text'], ['rows_written', 'integer'], ['error', 'text'], ['created_at', 'timestamptz'], ['started_at', 'timestamptz'], ['finished_at', 'timestamptz']],
    accounts.flatMap(({ organization, account }) => {
      const failedAt = account.status === 'error' ? new Date(anchor.getTime() - random.between(0.05, 0.25) * DAY) : null;
      const finishedAt = failedAt ?? account.lastSyncedAt;
      if (!finishedAt) return [];
      const written = failedAt ? 0 : COST_HISTORY_DAYS * SIMULATED_SERVICES[account.provider].length;
      return [[organization.id, account.id, failedAt ? 'failed' : 'succeeded', 'scheduled', written, syncErrors.get(account.id) ?? null, new Date(finishedAt.getTime() - 90_000), new Date(finishedAt.getTime() - 60_000), finishedAt]];
    }),
  );
  rows += await insertBudgetsAndInsights(client, plan, random);

  rows += await insertApiUsage(client, plan);
  return rows;
}

// 1.8 million rows at large: sent as integer arrays (hours and milliseconds), which cost far less to encode than timestamps.
async function insertApiUsage(client: Client, plan: ScalePlan): Promise<number> {
  const random = new SeededRandom(8_025);
  const batch = { org: [] as number[], hour: [] as number[], calls: [] as number[], errors: [] as number[], clientErrors: [] as number[], lastSeen: [] as number[] };
  const orgIds = plan.organizations.map((organization) => organization.id);
  let rows = 0;
  const flush = async () => {
    if (batch.org.length === 0) return;
    await client.query(
      `INSERT INTO api_usage_hourly (org_id, hour, calls, errors, client_errors, last_seen_at)
       SELECT ($1::uuid[])[u.org], to_timestamp(u.hour * 3600), u.calls, u.errors, u.client_errors, to_timestamp(u.hour * 3600) + u.last_seen * interval '1 millisecond'
         FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[]) AS u(org, hour, calls, errors, client_errors, last_seen)`,
      [orgIds, batch.org, batch.hour, batch.calls, batch.errors, batch.clientErrors, batch.lastSeen],
    );
    rows += batch.org.length;
    for (const values of Object.values(batch)) values.length = 0;
  };
  for (const [index, organization] of plan.organizations.entries()) {
    for (const usage of hourlyUsage(organization.traffic, organization.callsPerHour, plan.anchor, random)) {
      const hour = usage.hour.getTime() / HOUR;
      batch.org.push(index + 1);
      batch.hour.push(hour);
      batch.calls.push(usage.calls);
      batch.errors.push(usage.errors);
      batch.clientErrors.push(usage.clientErrors);
      batch.lastSeen.push(usage.lastSeenAt.getTime() - usage.hour.getTime());
    }
    if (batch.org.length >= 100_000) await flush();
  }
  await flush();
  return rows;
}

async function insertBudgetsAndInsights(client: Client, plan: ScalePlan, random: SeededRandom): Promise<number> {
  const { anchor } = plan;
  const budgets: unknown[][] = [];
  const rules: unknown[][] = [];
  const anomalies: unknown[][] = [];
  const recommendations: unknown[][] = [];
  for (const organization of plan.organizations) {
    if (organization.status === 'pending') continue;
    const connected = organization.accounts.filter((account) => account.status === 'connected');
    const monthly = connected.reduce((sum, account) => sum + dailyCost(account) * 30, 0);
    const createdAt = new Date(organization.createdAt.getTime() + random.between(0.05, 0.5) * (anchor.getTime() - organization.createdAt.getTime()));
    budgets.push([organization.budgetId, organization.id, null, 'Monthly cloud budget', (Math.max(1, Math.round((monthly * random.between(0.85, 1.35)) / 100)) * 100).toFixed(2), 'monthly', createdAt, createdAt]);
    rules.push([organization.alertRuleId, organization.id, null, 'Monthly budget 80% used', '80.00', 'budget_percent', true, createdAt, createdAt]);
    if (organization.plan !== 'free') rules.push([random.uuid(), organization.id, null, 'Cost anomalies', '20.00', 'anomaly', random.chance(0.9), createdAt, createdAt]);
    for (const account of connected) {
      if (random.chance(0.15)) {
        const service = random.pick(SIMULATED_SERVICES[account.provider]);
        const expected = service.dailyBase * account.costScale;
        const ratio = random.between(1.4, 3.2);
        anomalies.push([organization.id, account.id, new Date(anchor.getTime() - random.between(0.2, 30) * DAY), service.name, expected.toFixed(4), (expected * ratio).toFixed(4), ratio >= 2.4 ? 'high' : ratio >= 1.8 ? 'medium' : 'low', random.chance(0.6) ? 'resolved' : 'open']);
      }
      if (random.chance(0.25)) {
        recommendations.push([organization.id, account.id, 'rightsizing', `Rightsize ${random.integer(2, 14)} over-provisioned instances in ${account.name}`, (dailyCost(account) * 30 * random.between(0.02, 0.12)).toFixed(4), random.weighted({ open: 70, dismissed: 15, applied: 15 }), new Date(anchor.getTime() - random.between(1, 45) * DAY)]);
      }
    }
  }
  let rows = await insertRows(client, 'budgets', [['id', 'uuid'], ['org_id', 'uuid'], ['account_id', 'uuid'], ['name', 'text'], ['amount', 'numeric'], ['period', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], budgets);
  rows += await insertRows(client, 'alert_rules', [['id', 'uuid'], ['org_id', 'uuid'], ['account_id', 'uuid'], ['name', 'text'], ['threshold', 'numeric'], ['metric', 'text'], ['enabled', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], rules);
  rows += await insertRows(client, 'anomaly_alerts', [['org_id', 'uuid'], ['account_id', 'uuid'], ['detected_at', 'timestamptz'], ['service', 'text'], ['expected_amount', 'numeric'], ['actual_amount', 'numeric'], ['severity', 'text'], ['status', 'text']], anomalies);
  rows += await insertRows(client, 'recommendations', [['org_id', 'uuid'], ['account_id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['estimated_monthly_savings', 'numeric'], ['status', 'text'], ['created_at', 'timestamptz']], recommendations);
  return rows;
}

// About what the simulator charges this account a day (weekdays and weekends averaged).
function dailyCost(account: ScaleAccount): number {
  return SIMULATED_SERVICES[account.provider].reduce((sum, service) => sum + service.dailyBase, 0) * account.costScale * 0.98;
}

function lastSyncOf(organization: ScaleOrganization): Date | null {
  const times = organization.accounts.map((account) => account.lastSyncedAt?.getTime() ?? 0).filter((time) => time > 0);
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * The users of these orgs, generated in SQL from each org's count and offset (ids, names and
 * e-mails from scale-sql.ts), all with one password hash; invited users have none.
 */
export async function insertUsers(client: Client, organizations: ScaleOrganization[], passwordHash: string, anchor: Date): Promise<number> {
  await client.query(
    `INSERT INTO users (id, org_id, email, name, role, status, password_hash, password_changed_at, last_login_at, created_at, updated_at)
     SELECT id::uuid, org_id, email, name, role, status,
            CASE WHEN status = 'invited' THEN NULL ELSE $1 END, CASE WHEN status = 'invited' THEN NULL ELSE created_at END,
            last_login_at, created_at, coalesce(last_login_at, created_at)
       FROM (
         SELECT id, org_id, email, name, role, status, created_at,
                CASE WHEN status = 'active' AND org_status = 'active' AND (h >> 52 & 15) < 12
                     THEN greatest(created_at, to_timestamp($2::float8 - (((h >> 36 & 65535) / 65536.0) ^ 2) * 30 * 86400)) END AS last_login_at
           FROM (
             SELECT ${userIdSql('g')} AS id, o.org_id, ${userEmailSql('g', 'k', 'o.slug')} AS email, ${userNameSql('g')} AS name, o.status AS org_status, h,
                    CASE WHEN k = 1 THEN 'owner' WHEN k = 2 THEN 'admin' WHEN (h & 1023) < 15 THEN 'owner' WHEN (h & 1023) < 80 THEN 'admin' WHEN (h & 1023) < 420 THEN 'operator' ELSE 'viewer' END AS role,
                    CASE WHEN k = 1 OR o.status = 'pending' THEN 'active' WHEN (h >> 10 & 1023) < 35 THEN 'invited' WHEN (h >> 10 & 1023) < 60 THEN 'disabled' ELSE 'active' END AS status,
                    to_timestamp(CASE WHEN k = 1 THEN o.created_epoch
                                      WHEN (h >> 10 & 1023) < 35 THEN $2::float8 - (1 + (h >> 20 & 65535) / 65536.0 * 13) * 86400
                                      ELSE o.created_epoch + (h >> 20 & 65535) / 65536.0 * 0.97 * ($2::float8 - o.created_epoch) END) AS created_at
               FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::float8[]) AS o(org_id, slug, status, user_count, user_offset, created_epoch)
               CROSS JOIN LATERAL generate_series(1, o.user_count) AS k
               CROSS JOIN LATERAL (SELECT o.user_offset + k AS g) AS numbered
               CROSS JOIN LATERAL (SELECT hashint8extended((numbered.g * 3)::bigint, 0) AS h) AS hashed
           ) AS drawn
       ) AS users`,
    [
      passwordHash,
      anchor.getTime() / 1000,
      organizations.map((organization) => organization.id),
      organizations.map((organization) => organization.slug),
      organizations.map((organization) => organization.status),
      organizations.map((organization) => organization.userCount),
      organizations.map((organization) => organization.userOffset),
      organizations.map((organization) => organization.createdAt.getTime() / 1000),
    ],
  );
  await lockOrganizations(client, organizations);
  await client.query(`UPDATE organizations o SET user_count = c.count FROM unnest($1::uuid[], $2::int[]) AS c(id, count) WHERE o.id = c.id`, [
    organizations.map((organization) => organization.id),
    organizations.map((organization) => organization.userCount),
  ]);
  return organizations.reduce((sum, organization) => sum + organization.userCount, 0);
}

// Users and cost-row chunks run side by side and both update org counters: lock the rows in one order, never in a cycle.
async function lockOrganizations(client: Client, organizations: ScaleOrganization[]): Promise<void> {
  await client.query('SELECT 1 FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [organizations.map((organization) => organization.id)]);
}

/** The SQL to test whether the last user of these orgs exists (then the chunk is done). */
export function lastUserExistsSql(organizations: ScaleOrganization[]): { sql: string; parameters: unknown[] } {
  const last = organizations[organizations.length - 1];
  return { sql: `SELECT EXISTS (SELECT 1 FROM users WHERE id = ${userIdSql('$1::bigint')}::uuid) AS done`, parameters: [last.userOffset + last.userCount] };
}

const SERVICES_VALUES = Object.entries(SIMULATED_SERVICES)
  .flatMap(([provider, services]) => services.map((service) => `('${provider}', '${service.name}', ${service.dailyBase}::float8)`))
  .join(', ');

/**
 * Cost rows of these orgs' accounts, computed in SQL exactly as SimulatedCostProvider computes
 * them (sha256 noise per account, date and service; weekend dip; rounding to 4 decimals), so that
 * a sync of a seeded account finds nothing to change. The foreign key to cloud_accounts is
 * dropped for the insert (checking 10^6 rows one by one doubles the time) and put back NOT VALID;
 * the seed validates it once at the end.
 */
export async function insertCostRows(client: Client, organizations: ScaleOrganization[]): Promise<number> {
  const accounts = organizations.flatMap((organization) => organization.accounts.filter((account) => account.costDays > 0).map((account) => ({ organization, account })));
  const {
    rows: [foreignKey],
  } = await client.query<{ definition: string }>(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'cost_rows'::regclass AND conname = $1`, [COST_FOREIGN_KEY]);
  if (foreignKey) await client.query(`ALTER TABLE cost_rows DROP CONSTRAINT "${COST_FOREIGN_KEY}"`);
  await client.query(
    `INSERT INTO cost_rows (org_id, account_id, date, provider, service, amount, currency)
     SELECT a.org_id, a.account_id, d.date, a.provider, s.name,
            floor(s.base * a.scale * CASE WHEN extract(dow FROM d.date) IN (0, 6) THEN 0.8::float8 ELSE 1.05::float8 END
                  * (0.85::float8 + ((get_byte(x.h, 0)::bigint << 24) | (get_byte(x.h, 1) << 16) | (get_byte(x.h, 2) << 8) | get_byte(x.h, 3))::float8 / 4294967296::float8 * 0.3::float8)
                  * 10000::float8 + 0.5::float8) / 10000::float8,
            'USD'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::date[], $6::float8[]) AS a(account_id, org_id, provider, days, last_date, scale)
       CROSS JOIN LATERAL generate_series(0, a.days - 1) AS k
       CROSS JOIN LATERAL (SELECT a.last_date - (a.days - 1) + k AS date) AS d
       JOIN (VALUES ${SERVICES_VALUES}) AS s(provider, name, base) ON s.provider = a.provider
       CROSS JOIN LATERAL (SELECT sha256(convert_to(a.account_id::text || '|' || d.date::text || '|' || s.name, 'UTF8')) AS h) AS x`,
    [
      accounts.map(({ account }) => account.id),
      accounts.map(({ organization }) => organization.id),
      accounts.map(({ account }) => account.provider),
      accounts.map(({ account }) => account.costDays),
      accounts.map(({ account }) => account.lastCostDate),
      accounts.map(({ account }) => account.costScale),
    ],
  );
  if (foreignKey) await client.query(`ALTER TABLE cost_rows ADD CONSTRAINT "${COST_FOREIGN_KEY}" ${foreignKey.definition.replace(/\s+NOT VALID$/, '')} NOT VALID`);
  const counts = accounts.map(({ account }) => account.costDays * SIMULATED_SERVICES[account.provider].length);
  await client.query(`UPDATE cloud_accounts a SET cost_row_count = c.count FROM unnest($1::uuid[], $2::bigint[]) AS c(id, count) WHERE a.id = c.id`, [accounts.map(({ account }) => account.id), counts]);
  await lockOrganizations(client, organizations);
  await client.query(`UPDATE organizations o SET cost_row_count = c.count FROM unnest($1::uuid[], $2::bigint[]) AS c(id, count) WHERE o.id = c.id`, [
    organizations.map((organization) => organization.id),
    organizations.map((organization) => organization.accounts.reduce((sum, account) => sum + account.costDays * SIMULATED_SERVICES[account.provider].length, 0)),
  ]);
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The last cost row these orgs' accounts get (then the chunk is done). */
export function lastCostRowOf(organizations: ScaleOrganization[]): { accountId: string; date: string; service: string } | null {
  const accounts = organizations.flatMap((organization) => organization.accounts.filter((account) => account.costDays > 0));
  const last = accounts[accounts.length - 1];
  if (!last) return null;
  const services = SIMULATED_SERVICES[last.provider];
  return { accountId: last.id, date: last.lastCostDate, service: services[services.length - 1].name };
}

/** Validates the cost rows' foreign key once, after every chunk put it back NOT VALID. */
export async function validateCostRowsForeignKey(client: Client): Promise<void> {
  const result = await client.query<{ convalidated: boolean }>(`SELECT convalidated FROM pg_constraint WHERE conrelid = 'cost_rows'::regclass AND conname = $1`, [COST_FOREIGN_KEY]);
  if (result.rows[0] && !result.rows[0].convalidated) await client.query(`ALTER TABLE cost_rows VALIDATE CONSTRAINT "${COST_FOREIGN_KEY}"`);
}
