import { Client } from 'pg';
import { chainHash, hashableColumns, type HashableEntry } from '../../modules/audit/audit-hash';
import { insertRows } from './bulk-insert';
import { CHAIN_AGGREGATE_SQL, ORG_CHUNK_SQL, PLATFORM_CHUNK_SQL, platformEntryIdSql, platformEntrySecondSql } from './scale-audit';
import { planScale, SCALES, type ScaleName, type ScaleOrganization, type ScalePlan, type ScaleSize } from './scale-plan';
import { insertCostRows, insertTenants, insertUsers, lastCostRowOf, lastUserExistsSql, validateCostRowsForeignKey } from './scale-tenants';
import { simulator, SIMULATED_SERVICES } from './seed-cloud-accounts';

export interface ScaleSeedOptions {
  scale: ScaleName;
  /** Seed even though the database already holds more than a thousand other organizations. */
  force: boolean;
  /** The migration owner's connection: the seed drops and restores a foreign key and runs ANALYZE. */
  ownerUrl: string;
  now: Date;
  /** The one password hash every seeded user and staff member gets. */
  passwordHash: () => Promise<string>;
  log: (line: string) => void;
}

export class SeedRefusedError extends Error {}

interface SeedTask {
  label: string;
  after: SeedTask[];
  done: boolean;
  running: boolean;
  isDone(client: Client): Promise<boolean>;
  run(client: Client): Promise<number>;
}

// One per chain of steps (platform log, org logs, tenant data): each chain runs its steps in order.
const WORKERS = 3;
const DAY_SECONDS = 86_400;
const PLATFORM_LOG_DAYS = 360; // inside the default retention (365 days) …
const ORG_LOG_DAYS = 88; // … and 90 days: the retention job has nothing to purge at first
const USERS_PER_CHUNK = 200_000;
const COST_ROWS_PER_CHUNK = 1_000_000;
const AUDIT_ENTRIES_PER_CHUNK = 500_000;
const EXISTING_ORGANIZATIONS_LIMIT = 1_000;
const SEALER_LOCK = `pg_advisory_xact_lock(hashtext(current_schema() || '.audit_sealer'))`;

/**
 * The benchmark data set (10,000 orgs, 10^6 users, 10^7 cost rows, 10^7 audit entries at
 * `large`), generated inside PostgreSQL with INSERT … SELECT over generate_series, in chunks of
 * one transaction each, two at a time. A chunk that is already in the database is skipped, so an
 * interrupted run resumes where it stopped; a finished data set is left alone.
 */
export async function seedScale(options: ScaleSeedOptions): Promise<void> {
  const started = Date.now();
  const size = SCALES[options.scale];
  const primary = await openSession(options.ownerUrl);
  try {
    // A resumed run plans from the first run's moment, which the orgs keep in updated_at.
    let plan = planScale(size, options.now);
    const {
      rows: [existing],
    } = await primary.query<{ updated_at: Date }>('SELECT updated_at FROM organizations WHERE id = $1', [plan.organizations[0].id]);
    if (existing) plan = planScale(size, existing.updated_at);

    let passwordHash: string | undefined;
    const hash = async () => (passwordHash ??= await options.passwordHash());
    const { tasks, transactionProbes } = planTasks(plan, size, hash);
    for (const task of tasks) task.done = await task.isDone(primary);
    const done = tasks.filter((task) => task.done).length;
    if (done === tasks.length) {
      options.log(`The ${options.scale} data set is already in place (seeded ${plan.anchor.toISOString()}): nothing to do.`);
      return;
    }
    if (done === 0) {
      const {
        rows: [{ count }],
      } = await primary.query<{ count: number }>('SELECT count(*)::int AS count FROM organizations');
      if (count > EXISTING_ORGANIZATIONS_LIMIT && !options.force) {
        throw new SeedRefusedError(`This database already holds ${count.toLocaleString('en-US')} organizations; run with --force to add the ${options.scale} data set to them.`);
      }
      options.log(
        `Seeding the ${options.scale} data set: ${size.organizations.toLocaleString('en-US')} orgs, ${size.users.toLocaleString('en-US')} users, ` +
          `${size.costRows.toLocaleString('en-US')} cost rows, ${(size.platformAuditEntries + size.orgAuditEntries).toLocaleString('en-US')} audit entries (${tasks.length} steps, ${WORKERS} at a time)`,
      );
    } else {
      options.log(`Resuming the ${options.scale} data set seeded ${plan.anchor.toISOString()}: ${done} of ${tasks.length} steps are done.`);
    }

    await runTasks(tasks, options.ownerUrl, (line) => options.log(`${line} (${elapsed(started)})`));
    options.log(`Finishing: validating the cost rows' foreign key, the sealer's horizon, statistics (${elapsed(started)})`);
    await validateCostRowsForeignKey(primary);
    await advanceSealerHorizons(primary, transactionProbes, options.log);
    await primary.query('ANALYZE organizations, users, platform_users, cloud_accounts, cost_rows, api_usage_hourly, platform_audit_log, audit_log, audit_seals, audit_chain_heads, sync_jobs, budgets, alert_rules');
    const checkStarted = Date.now();
    await checkResult(primary, plan);
    options.log(`Checked the counters, a sample of the hash chains and of the cost rows against the simulator in ${elapsed(checkStarted)}`);
    const {
      rows: [{ size: databaseSize }],
    } = await primary.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    options.log(`Done in ${elapsed(started)}; the database now takes ${databaseSize}.`);
    await printSignIns(primary, plan, options.log);
  } finally {
    await primary.end();
  }
}

async function openSession(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'keel-seed' });
  // A connection the server ends (shutdown, Ctrl-C) fails its query; the event must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  // date::text must read YYYY-MM-DD, as the simulator formats dates; a lost commit can be redone.
  await client.query(`SET DateStyle = 'ISO, YMD'`);
  await client.query('SET synchronous_commit = off');
  for (const sql of CHAIN_AGGREGATE_SQL) await client.query(sql);
  return client;
}

interface TransactionProbe {
  log: 'platform' | 'org';
  table: 'platform_audit_log' | 'audit_log';
  /** Lists the transaction ids that wrote the seeded entries of this log. */
  sql: string;
  parameters: unknown[];
}

function planTasks(plan: ScalePlan, size: ScaleSize, passwordHash: () => Promise<string>): { tasks: SeedTask[]; transactionProbes: TransactionProbe[] } {
  const { organizations, anchor } = plan;
  const seen = { users: 0, costRows: 0 };
  const task = (label: string, after: SeedTask[], isDone: SeedTask['isDone'], run: SeedTask['run']): SeedTask => ({ label, after, done: false, running: false, isDone, run });
  const exists = async (client: Client, sql: string, parameters: unknown[]) => (await client.query<{ done: boolean }>(sql, parameters)).rows[0].done;

  const lastOrganization = organizations[organizations.length - 1];
  const tenants = task(
    `${organizations.length.toLocaleString('en-US')} orgs with their cloud accounts, budgets, alert rules and 8 days of API usage`,
    [],
    (client) => exists(client, 'SELECT EXISTS (SELECT 1 FROM organizations WHERE id = $1) AS done', [lastOrganization.id]),
    async (client) => {
      const hash = await passwordHash();
      return inTransaction(client, () => insertTenants(client, plan, hash));
    },
  );

  const users = chunksOf(organizations, (organization) => organization.userCount, USERS_PER_CHUNK).map((chunk) => {
    const count = chunk.reduce((sum, organization) => sum + organization.userCount, 0);
    const label = `users ${(seen.users + 1).toLocaleString('en-US')}–${(seen.users += count).toLocaleString('en-US')}`;
    const marker = lastUserExistsSql(chunk);
    return task(label, [tenants], (client) => exists(client, marker.sql, marker.parameters), async (client) => {
      const hash = await passwordHash();
      return inTransaction(client, () => insertUsers(client, chunk, hash, anchor));
    });
  });

  const costChunks: SeedTask[] = [];
  for (const chunk of chunksOf(organizations, (organization) => costRowsOf(organization), COST_ROWS_PER_CHUNK)) {
    const count = chunk.reduce((sum, organization) => sum + costRowsOf(organization), 0);
    const label = `cost rows ${(seen.costRows + 1).toLocaleString('en-US')}–${(seen.costRows += count).toLocaleString('en-US')}`;
    const last = lastCostRowOf(chunk);
    costChunks.push(
      task(
        label,
        [tenants, ...costChunks.slice(-1)],
        (client) => (last ? exists(client, 'SELECT EXISTS (SELECT 1 FROM cost_rows WHERE account_id = $1 AND date = $2 AND service = $3) AS done', [last.accountId, last.date, last.service]) : Promise.resolve(true)),
        (client) => inTransaction(client, () => insertCostRows(client, chunk)),
      ),
    );
  }

  const anchorSecond = Math.floor(anchor.getTime() / 1000);
  const platformTotal = size.platformAuditEntries;
  const platformStart = anchorSecond - PLATFORM_LOG_DAYS * DAY_SECONDS;
  const platformSpan = PLATFORM_LOG_DAYS * DAY_SECONDS - 60;
  const staffIds = plan.staff.map((staff) => staff.id);
  const staffEmails = plan.staff.map((staff) => staff.email);
  const platformChunks: SeedTask[] = [];
  const platformChunkEnds: number[] = [];
  for (let first = 1; first <= platformTotal; first += AUDIT_ENTRIES_PER_CHUNK) {
    const last = Math.min(platformTotal, first + AUDIT_ENTRIES_PER_CHUNK - 1);
    platformChunkEnds.push(last);
    platformChunks.push(
      task(
        `platform audit entries ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} (sealed)`,
        platformChunks.slice(-1),
        (client) =>
          exists(client, `SELECT EXISTS (SELECT 1 FROM platform_audit_log WHERE id = ${platformEntryIdSql('$1', platformEntrySecondSql('$1', '$2', '$3', '$4'))}::uuid) AS done`, [last, platformStart, platformSpan, platformTotal]),
        async (client) => {
          await ensureSeedOrgs(client, plan);
          const base = await reserveSeq(client, 'platform_audit_log', last - first + 1);
          return inTransaction(client, async () => {
            await client.query(`SELECT ${SEALER_LOCK}`);
            await client.query(PLATFORM_CHUNK_SQL, [base, first, last, platformStart, platformSpan, platformTotal, staffIds, staffEmails, new Date()]);
            return last - first + 1;
          });
        },
      ),
    );
  }

  // Each org's whole log in one chunk, in org id order (the order of the entries' ids).
  const byId = [...organizations].sort((first, second) => (first.id < second.id ? -1 : 1));
  const orgChunks: SeedTask[] = [];
  const orgChunkEnds: string[] = [];
  let orgEntries = 0;
  for (const chunk of chunksOf(byId, (organization) => organization.orgAuditEntries, AUDIT_ENTRIES_PER_CHUNK)) {
    const count = chunk.reduce((sum, organization) => sum + organization.orgAuditEntries, 0);
    const label = `org audit entries ${(orgEntries + 1).toLocaleString('en-US')}–${(orgEntries += count).toLocaleString('en-US')} (sealed)`;
    const lastOrg = chunk[chunk.length - 1];
    orgChunkEnds.push(lastOrg.id);
    // Org chains are independent of each other: these chunks may run side by side.
    orgChunks.push(
      task(
        label,
        [],
        (client) => exists(client, 'SELECT EXISTS (SELECT 1 FROM audit_log WHERE org_id = $1) AS done', [lastOrg.id]),
        async (client) => {
          const base = await reserveSeq(client, 'audit_log', count);
          return inTransaction(client, async () => {
            await client.query(ORG_CHUNK_SQL, [anchorSecond - 300, base, staffIds, staffEmails, new Date(), ...orgChunkArrays(chunk, anchorSecond)]);
            return count;
          });
        },
      ),
    );
  }

  // Workers take the first step that is ready: the platform log's chain (one hash chain, so one chunk
  // after the other) whenever it can go on, the tenant data's chain next, org logs in between.
  const tasks: SeedTask[] = [tenants, ...platformChunks];
  for (let index = 0; index < Math.max(orgChunks.length, costChunks.length); index += 1) {
    tasks.push(...[costChunks[index], orgChunks[index]].filter((each): each is SeedTask => !!each));
  }
  tasks.push(...users);
  const transactionProbes: TransactionProbe[] = [
    {
      log: 'platform',
      table: 'platform_audit_log',
      sql: `SELECT DISTINCT e.tx_id::text AS tx_id FROM unnest($1::bigint[]) AS i
              JOIN platform_audit_log e ON e.id = ${platformEntryIdSql('i', platformEntrySecondSql('i', '$2', '$3', '$4'))}::uuid`,
      parameters: [platformChunkEnds, platformStart, platformSpan, platformTotal],
    },
    {
      log: 'org',
      table: 'audit_log',
      sql: `SELECT DISTINCT e.tx_id::text AS tx_id FROM unnest($1::uuid[]) AS o(id)
              CROSS JOIN LATERAL (SELECT tx_id FROM audit_log WHERE org_id = o.id ORDER BY seq LIMIT 1) AS e`,
      parameters: [orgChunkEnds],
    },
  ];
  return { tasks, transactionProbes };
}

function costRowsOf(organization: ScaleOrganization): number {
  return organization.accounts.reduce((sum, account) => sum + account.costDays * SIMULATED_SERVICES[account.provider].length, 0);
}

/** Consecutive runs of items whose weights add up to about `target` each. */
function chunksOf<T>(items: T[], weight: (item: T) => number, target: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    current.push(item);
    sum += weight(item);
    if (sum >= target) {
      chunks.push(current);
      current = [];
      sum = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function orgChunkArrays(chunk: ScaleOrganization[], anchorSecond: number): unknown[] {
  let offset = 0;
  const offsets = chunk.map((organization) => {
    const start = offset;
    offset += organization.orgAuditEntries;
    return start;
  });
  const firstAccount = (organization: ScaleOrganization) => organization.accounts[0] ?? null;
  return [
    chunk.map((organization) => organization.number),
    chunk.map((organization) => organization.id),
    chunk.map((organization) => organization.name),
    chunk.map((organization) => organization.slug),
    chunk.map((organization) => organization.plan),
    chunk.map((organization) => organization.status),
    chunk.map((organization) => organization.userCount),
    chunk.map((organization) => organization.userOffset),
    chunk.map((organization) => Math.max(Math.floor(organization.createdAt.getTime() / 1000), anchorSecond - ORG_LOG_DAYS * DAY_SECONDS)),
    chunk.map((organization) => organization.orgAuditEntries),
    offsets,
    chunk.map((organization) => firstAccount(organization)?.id ?? null),
    chunk.map((organization) => firstAccount(organization)?.name ?? null),
    chunk.map((organization) => firstAccount(organization)?.provider ?? null),
    chunk.map((organization) => (organization.status === 'pending' ? null : organization.budgetId)),
    chunk.map((organization) => (organization.status === 'pending' ? null : organization.alertRuleId)),
  ];
}

/** The orgs by number, for the platform log's joins (one temporary table per session). */
async function ensureSeedOrgs(client: Client, plan: ScalePlan): Promise<void> {
  await client.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS seed_orgs (n integer PRIMARY KEY, id uuid, name text, slug text, plan text, user_count integer, user_offset bigint, account_id uuid, account_name text)`,
  );
  const {
    rows: [{ count }],
  } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM seed_orgs');
  if (count === plan.organizations.length) return;
  await client.query('TRUNCATE seed_orgs');
  await insertRows(
    client,
    'seed_orgs',
    [['n', 'integer'], ['id', 'uuid'], ['name', 'text'], ['slug', 'text'], ['plan', 'text'], ['user_count', 'integer'], ['user_offset', 'bigint'], ['account_id', 'uuid'], ['account_name', 'text']],
    plan.organizations.map((organization) => [
      organization.number, organization.id, organization.name, organization.slug, organization.plan, organization.userCount, organization.userOffset,
      organization.accounts[0]?.id ?? null, organization.accounts[0]?.name ?? null,
    ]),
    10_000,
  );
  await client.query('ANALYZE seed_orgs');
}

/**
 * Reserves `count` values of an audit log's seq for a chunk that sets them itself (it hashes each
 * entry with its seq before inserting it): moves the sequence past them in a short transaction that
 * holds off other writers of the log, so that nobody else can draw them. An unused range is a gap.
 */
async function reserveSeq(client: Client, table: 'platform_audit_log' | 'audit_log', count: number): Promise<number> {
  return inTransaction(client, async () => {
    await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const {
      rows: [{ sequence }],
    } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence($1, 'seq') AS sequence`, [table]);
    const {
      rows: [{ base }],
    } = await client.query<{ base: string }>(
      `SELECT greatest((SELECT coalesce(max(seq), 0) FROM ${table}), (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${sequence}))::text AS base`,
    );
    await client.query('SELECT setval($1::regclass, $2::bigint)', [sequence, Number(base) + count]);
    return Number(base);
  });
}

async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL work_mem = '256MB'`);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function runTasks(tasks: SeedTask[], url: string, log: (line: string) => void): Promise<void> {
  const total = tasks.length;
  let finished = tasks.filter((task) => task.done).length;
  let failure: unknown;
  const ready = () => tasks.find((task) => !task.done && !task.running && task.after.every((dependency) => dependency.done));
  const wakeUps: (() => void)[] = [];
  const wakeAll = () => wakeUps.splice(0).forEach((wake) => wake());

  const worker = async () => {
    const client = await openSession(url);
    try {
      for (;;) {
        if (failure) return;
        const task = ready();
        if (!task) {
          if (tasks.every((each) => each.done)) return;
          if (!tasks.some((each) => each.running)) throw new Error('The seed steps wait on each other');
          await new Promise<void>((resolve) => wakeUps.push(resolve));
          continue;
        }
        task.running = true;
        const taskStarted = Date.now();
        try {
          const rows = await task.run(client);
          task.done = true;
          finished += 1;
          log(`[${String(finished).padStart(String(total).length)}/${total}] ${task.label}: ${rows.toLocaleString('en-US')} rows in ${elapsed(taskStarted)}`);
        } catch (error) {
          failure ??= new Error(`${task.label} failed: ${error instanceof Error ? error.message : String(error)}`);
          return;
        } finally {
          task.running = false;
          wakeAll();
        }
      }
    } finally {
      wakeAll();
      await client.end().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  if (failure) throw failure;
}

/**
 * Moves the sealer's horizon past the seed's transactions, as the sealer itself would once it had
 * walked the sealed entries: only when no other unsealed entry is left below the new horizon.
 */
async function advanceSealerHorizons(client: Client, probes: TransactionProbe[], log: (line: string) => void): Promise<void> {
  await inTransaction(client, async () => {
    await client.query(`SELECT ${SEALER_LOCK}`);
    const {
      rows: [{ horizon }],
    } = await client.query<{ horizon: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
    for (const probe of probes) {
      const {
        rows: [{ from }],
      } = await client.query<{ from: string }>('SELECT horizon::text AS from FROM audit_sealer_state WHERE log = $1 FOR UPDATE', [probe.log]);
      if (BigInt(horizon) <= BigInt(from)) continue;
      const seeded = (await client.query<{ tx_id: string }>(probe.sql, probe.parameters)).rows
        .map((row) => BigInt(row.tx_id))
        .filter((tx) => tx >= BigInt(from) && tx < BigInt(horizon))
        .sort((first, second) => (first < second ? -1 : first > second ? 1 : 0));
      // Every other transaction between the old and the new horizon: index ranges around the seed's own.
      const bounds = [BigInt(from) - 1n, ...seeded, BigInt(horizon)];
      const ranges = bounds.slice(1).map((upper, index) => `(e.tx_id > ${bounds[index]} AND e.tx_id < ${upper})`);
      const unsealed = await client.query(`SELECT 1 FROM ${probe.table} e WHERE (${ranges.join(' OR ')}) AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id) LIMIT 1`);
      if (unsealed.rows.length > 0) {
        log(`The ${probe.log} log holds unsealed entries of its own: the sealer will link them and move its horizon itself.`);
        continue;
      }
      await client.query('UPDATE audit_sealer_state SET horizon = $2 WHERE log = $1 AND horizon < $2', [probe.log, horizon]);
    }
  });
}

async function printSignIns(client: Client, plan: ScalePlan, log: (line: string) => void): Promise<void> {
  const largest = plan.organizations.reduce((best, organization) => (organization.status === 'active' && organization.userCount > best.userCount ? organization : best));
  const {
    rows: [owner],
  } = await client.query<{ email: string }>(`SELECT email FROM users WHERE org_id = $1 AND role = 'owner' AND status = 'active' ORDER BY created_at LIMIT 1`, [largest.id]);
  const staff = plan.staff.find((member) => member.role === 'super_admin')!;
  log(`Seeded users and staff sign in with the demo password, e.g. staff ${staff.email} (super_admin), or ${owner?.email} (owner of ${largest.name}, ${largest.userCount.toLocaleString('en-US')} users).`);
}

/** Fails the seed if a counter is off, a sampled hash link does not verify, or sampled cost rows differ from the simulator. */
async function checkResult(client: Client, plan: ScalePlan): Promise<void> {
  const ids = plan.organizations.map((organization) => organization.id);
  const {
    rows: [counters],
  } = await client.query<{ organizations: number; accounts: number }>(
    `WITH per_account AS (SELECT account_id, org_id, count(*) AS rows FROM cost_rows WHERE org_id = ANY($1::uuid[]) GROUP BY account_id, org_id),
          per_org AS (SELECT org_id, sum(rows) AS rows FROM per_account GROUP BY org_id),
          users_per_org AS (SELECT org_id, count(*) AS users FROM users WHERE org_id = ANY($1::uuid[]) GROUP BY org_id),
          accounts_per_org AS (SELECT org_id, count(*) AS accounts, count(*) FILTER (WHERE status = 'error') AS errors, max(last_synced_at) AS last_sync FROM cloud_accounts WHERE org_id = ANY($1::uuid[]) GROUP BY org_id)
     SELECT (SELECT count(*)::int FROM organizations o
               LEFT JOIN users_per_org u ON u.org_id = o.id LEFT JOIN accounts_per_org a ON a.org_id = o.id LEFT JOIN per_org c ON c.org_id = o.id
              WHERE o.id = ANY($1::uuid[])
                AND (o.user_count <> coalesce(u.users, 0) OR o.account_count <> coalesce(a.accounts, 0) OR o.error_count <> coalesce(a.errors, 0)
                     OR o.cost_row_count <> coalesce(c.rows, 0) OR o.last_sync_at IS DISTINCT FROM a.last_sync)) AS organizations,
            (SELECT count(*)::int FROM cloud_accounts a LEFT JOIN per_account c ON c.account_id = a.id
              WHERE a.org_id = ANY($1::uuid[]) AND a.cost_row_count <> coalesce(c.rows, 0)) AS accounts`,
    [ids],
  );
  if (counters.organizations > 0 || counters.accounts > 0) throw new Error(`Counters do not match the rows: ${counters.organizations} orgs, ${counters.accounts} cloud accounts are off`);

  const someOrgs = [plan.organizations[0], plan.organizations[Math.floor(plan.organizations.length / 2)], plan.organizations[plan.organizations.length - 1]];
  for (const organization of someOrgs) await checkChain(client, 'audit_log', organization.id, 1, 100_000);
  const {
    rows: [head],
  } = await client.query<{ last_index: string }>(`SELECT last_index::text FROM audit_chain_heads WHERE chain_key = 'platform'`);
  await checkChain(client, 'platform_audit_log', 'platform', Math.max(1, Number(head.last_index) - 2_000), 2_001);

  const accounts = plan.organizations.flatMap((organization) => organization.accounts).filter((account) => account.status === 'connected' && account.costDays >= 3);
  for (const account of [accounts[0], accounts[Math.floor(accounts.length / 3)], accounts[accounts.length - 1]]) {
    const expected = await simulator.fetchDailyCosts(account, shift(account.lastCostDate, -2), account.lastCostDate);
    const { rows } = await client.query<{ date: string; service: string; amount: string }>(
      `SELECT date::text AS date, service, amount::text AS amount FROM cost_rows WHERE account_id = $1 AND date >= $2 ORDER BY date, service`,
      [account.id, shift(account.lastCostDate, -2)],
    );
    const actual = new Map(rows.map((row) => [`${row.date}|${row.service}`, Number(row.amount)]));
    const mismatch = expected.find((cost) => actual.get(`${cost.date}|${cost.service}`) !== cost.amount);
    if (mismatch || rows.length !== expected.length) throw new Error(`Cost rows of account ${account.id} differ from the simulator (${mismatch?.date} ${mismatch?.service})`);
  }
}

async function checkChain(client: Client, table: 'audit_log' | 'platform_audit_log', chainKey: string, fromIndex: number, limit: number): Promise<void> {
  const { rows } = await client.query<HashableEntry & { chain_index: string; prev_hash: string; hash: string }>(
    `SELECT s.chain_index::text AS chain_index, s.prev_hash, s.hash, ${hashableColumns('e')}
       FROM audit_seals s JOIN ${table} e ON e.id = s.entry_id
      WHERE s.chain_key = $1 AND s.chain_index >= $2 ORDER BY s.chain_index LIMIT $3`,
    [chainKey, fromIndex, limit],
  );
  let previous = rows[0]?.prev_hash;
  for (const row of rows) {
    if (row.prev_hash !== previous || chainHash(previous, row) !== row.hash) throw new Error(`Seeded hash chain ${chainKey} does not verify at index ${row.chain_index}`);
    previous = row.hash;
  }
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

function elapsed(since: number): string {
  const seconds = (Date.now() - since) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
