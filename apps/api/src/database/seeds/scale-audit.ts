import { GENESIS_HASH } from '../../modules/audit/audit-hash';
import { jsonNullable, jsonObject, jsonString, userEmailSql, userIdSql } from './scale-sql';

/**
 * The scale seed's audit entries, generated in SQL and inserted already sealed: each chunk writes
 * its entries, their hash links (audit_seals, computed with the same canonical form as
 * audit-hash.ts chainHash) and the chain heads in one statement, so the background sealer has
 * nothing to catch up on and `verify` checks every seeded entry. The seed checks a sample of the
 * links with chainHash itself before it reports success.
 */

/** Per session: a running sha256 chain as a window aggregate, `hash = sha256(prev ‖ '\n' ‖ canonical)`. */
export const CHAIN_AGGREGATE_SQL = [
  `CREATE OR REPLACE FUNCTION pg_temp.keel_chain_step(state text, initial text, canonical text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS
   $$ BEGIN RETURN encode(sha256(convert_to(coalesce(state, initial) || E'\\n' || canonical, 'UTF8')), 'hex'); END $$`,
  `CREATE OR REPLACE AGGREGATE pg_temp.keel_chain(text, text) (SFUNC = pg_temp.keel_chain_step, STYPE = text)`,
];

interface ActionSpec {
  action: string;
  /** Out of 1024. */
  weight: number;
  actor: 'staff' | 'user' | 'system';
  /** Platform log: the action concerns the row's org (org_id is set). */
  concernsOrg?: boolean;
  target?: { type: string; id: string; name: string };
  impersonation?: boolean;
  metadata?: Record<string, string>;
}

const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'keel-cli/1.4.2 (linux; x64)',
];
const number = (expression: string) => `(${expression})::text`;
const pick = (values: string[], index: string) => `(ARRAY[${values.map((value) => `'${value}'`).join(',')}])[1 + (${index}) % ${values.length}]`;

// Row scope of both generators: seq, h (a 64-bit hash of the row), r (0–1023), s (staff number),
// org columns o_*, ka/ga (actor: number in org, global user number), kt/gt (another user of the org).
const staffTarget = { type: `'platform_user'`, id: 'staff_id', name: 'staff_email' };
// The rows' two users (actor and another member of the org), computed once per row in the scope.
const actorUser = { type: `'user'`, id: 'actor_user_id', name: 'actor_user_email' };
const otherUser = { type: `'user'`, id: 'other_user_id', name: 'other_user_email' };
const USERS_IN_SCOPE = `${userIdSql('ga')} AS actor_user_id, ${userEmailSql('ga', 'ka', 'o_slug')} AS actor_user_email,
           ${userIdSql('gt')} AS other_user_id, ${userEmailSql('gt', 'kt', 'o_slug')} AS other_user_email`;
const organization = { type: `'organization'`, id: 'o_id::text', name: 'o_name' };
const account = { type: `'cloud_account'`, id: 'o_account_id::text', name: 'o_account_name' };

const PLATFORM_ACTIONS: ActionSpec[] = [
  { action: 'platform.login', weight: 200, actor: 'staff', target: staffTarget, metadata: { method: jsonString(`'totp'`) } },
  { action: 'platform.logout', weight: 60, actor: 'staff', target: staffTarget },
  { action: 'platform.login_failed', weight: 40, actor: 'staff', metadata: { email_attempted: jsonString('staff_email'), reason: jsonString(`'invalid_password'`) } },
  { action: 'platform.read_summary', weight: 230, actor: 'staff', metadata: { endpoints: number('1 + r % 12'), requests: number('1 + (h >> 30 & 511)') } },
  { action: 'platform.cross_org_search', weight: 60, actor: 'staff', metadata: { result_count: number('r % 25'), term_sha256: jsonString(`encode(sha256(convert_to('search term ' || (h >> 30 & 4095), 'UTF8')), 'hex')`) } },
  { action: 'platform.impersonation_started', weight: 50, actor: 'staff', concernsOrg: true, target: otherUser, impersonation: true, metadata: { reason: jsonString(pick(['Customer asked for help with a budget', 'Investigating a failing sync', 'Walkthrough of anomaly alerts'], 'r')), scope: jsonString(pick(['read_only', 'read_only', 'read_write'], 'r >> 2')), ticket_ref: jsonString(`'SUP-' || (10000 + (h >> 30 & 65535))`) } },
  { action: 'platform.impersonation_ended', weight: 50, actor: 'staff', concernsOrg: true, target: otherUser, impersonation: true, metadata: { end_reason: jsonString(pick(['ended', 'expired', 'logged_out', 'revoked'], 'r')) } },
  { action: 'platform.impersonation_action', weight: 40, actor: 'staff', concernsOrg: true, target: otherUser, impersonation: true, metadata: { endpoints: number('1 + r % 6'), requests: number('1 + r % 40') } },
  { action: 'platform.org_plan_changed', weight: 40, actor: 'staff', concernsOrg: true, target: organization, metadata: { from: jsonString(pick(['free', 'pro'], 'r')), to: jsonString(pick(['pro', 'enterprise'], 'r')) } },
  { action: 'platform.org_contacted', weight: 40, actor: 'staff', concernsOrg: true, target: organization, metadata: { recipients: number('1 + r % 5'), subject: jsonString(pick(['Scheduled maintenance', 'Your invoice', 'Sync errors on your accounts'], 'r')) } },
  { action: 'platform.session_revoked', weight: 30, actor: 'staff', concernsOrg: true, target: otherUser },
  { action: 'platform.org_force_logout', weight: 20, actor: 'staff', concernsOrg: true, target: organization, metadata: { revoked_sessions: number('r % 20') } },
  { action: 'platform.user_mfa_reset', weight: 20, actor: 'staff', concernsOrg: true, target: otherUser },
  { action: 'platform.org_2fa_required_changed', weight: 20, actor: 'staff', concernsOrg: true, target: organization, metadata: { required: `CASE WHEN r % 4 = 0 THEN 'false' ELSE 'true' END` } },
  { action: 'platform.org_approved', weight: 30, actor: 'staff', concernsOrg: true, target: organization },
  { action: 'platform.org_created', weight: 20, actor: 'staff', concernsOrg: true, target: organization, metadata: { plan: jsonString('o_plan') } },
  { action: 'platform.org_disabled', weight: 15, actor: 'staff', concernsOrg: true, target: organization, metadata: { reason: jsonString(pick(['Invoices unpaid for 60 days', 'Abuse report', 'Requested by the customer'], 'r')) } },
  { action: 'platform.org_enabled', weight: 15, actor: 'staff', concernsOrg: true, target: organization },
  { action: 'platform.audit_exported', weight: 10, actor: 'staff', metadata: { format: jsonString(`'csv'`) } },
  { action: 'platform.account_deleted', weight: 10, actor: 'staff', concernsOrg: true, target: account, metadata: { cost_rows_deleted: number('r * 9') } },
  { action: 'platform.user_created', weight: 24, actor: 'staff', target: staffTarget, metadata: { role: jsonString(`'support_admin'`) } },
];

const ORG_ACTIONS: ActionSpec[] = [
  { action: 'org.signed_up', weight: 0, actor: 'user', target: organization, metadata: { slug: jsonString('o_slug') } },
  { action: 'user.login', weight: 440, actor: 'user', target: actorUser, metadata: { method: jsonString(`'password'`) } },
  { action: 'user.logout', weight: 80, actor: 'user', target: actorUser },
  { action: 'user.login_failed', weight: 40, actor: 'user', metadata: { email_attempted: jsonString(actorUser.name), reason: jsonString(`'invalid_password'`) } },
  { action: 'user.password_changed', weight: 20, actor: 'user', target: actorUser, metadata: { sessions_revoked: number('r % 3') } },
  { action: 'user.invitation_accepted', weight: 15, actor: 'user', target: actorUser },
  { action: 'cloud_account.synced', weight: 180, actor: 'system', target: account, metadata: { rows_added: number(`CASE WHEN r < 8 THEN 360 ELSE 0 END`), rows_written: number(`CASE o_account_provider WHEN 'aws' THEN 450 ELSE 360 END`), trigger: jsonString(`'scheduled'`) } },
  { action: 'cloud_account.sync_failed', weight: 10, actor: 'system', target: account, metadata: { trigger: jsonString(`'scheduled'`) } },
  { action: 'cloud_account.sync_requested', weight: 40, actor: 'user', target: account },
  { action: 'cloud_account.created', weight: 15, actor: 'user', target: account, metadata: { provider: jsonString('o_account_provider') } },
  { action: 'cloud_account.updated', weight: 10, actor: 'user', target: account, metadata: { after: `'{"name":"' || o_account_name || '"}'`, before: `'{"name":"' || o_account_name || ' (old)"}'` } },
  { action: 'budget.created', weight: 9, actor: 'user', target: { type: `'budget'`, id: 'o_budget_id::text', name: `'Monthly cloud budget'` } },
  { action: 'budget.updated', weight: 30, actor: 'user', target: { type: `'budget'`, id: 'o_budget_id::text', name: `'Monthly cloud budget'` }, metadata: { period: jsonString(`'monthly'`) } },
  { action: 'alert_rule.created', weight: 20, actor: 'user', target: { type: `'alert_rule'`, id: 'o_rule_id::text', name: `'Monthly budget 80% used'` } },
  { action: 'alert_rule.updated', weight: 20, actor: 'user', target: { type: `'alert_rule'`, id: 'o_rule_id::text', name: `'Monthly budget 80% used'` }, metadata: { enabled: `CASE WHEN r % 3 = 0 THEN 'false' ELSE 'true' END` } },
  { action: 'user.invited', weight: 40, actor: 'user', target: otherUser, metadata: { role: jsonString(pick(['viewer', 'operator', 'viewer', 'admin'], 'r')) } },
  { action: 'user.role_changed', weight: 15, actor: 'user', target: otherUser, metadata: { previous_role: jsonString(`'viewer'`), role: jsonString(`'operator'`), sessions_revoked: `'0'` } },
  { action: 'org.settings_updated', weight: 10, actor: 'user', target: organization, metadata: { name: jsonString('o_name') } },
  { action: 'audit.exported', weight: 10, actor: 'user', metadata: { format: jsonString(`'csv'`) } },
  { action: 'org.impersonation_started', weight: 10, actor: 'staff', target: otherUser, impersonation: true, metadata: { scope: jsonString(`'read_only'`), ticket_ref: jsonString(`'SUP-' || (10000 + (h >> 30 & 65535))`) } },
  { action: 'org.impersonation_ended', weight: 10, actor: 'staff', target: otherUser, impersonation: true, metadata: { end_reason: jsonString(`'ended'`) } },
];
// Staff sessions on an org show in its log under the platform's action names (SPEC §7).
for (const spec of ORG_ACTIONS) spec.action = spec.action.replace('org.impersonation_', 'platform.impersonation_');

for (const [log, specs] of [['platform', PLATFORM_ACTIONS], ['org', ORG_ACTIONS]] as const) {
  const total = specs.reduce((sum, spec) => sum + spec.weight, 0);
  if (total !== 1024) throw new Error(`The ${log} audit action weights add up to ${total}, not 1024`);
}

/** `CASE <index> WHEN 1 THEN … END` over the specs (1-based, in list order). */
function perAction(specs: ActionSpec[], index: string, value: (spec: ActionSpec) => string | null): string {
  return `CASE ${index} ${specs.map((spec, position) => `WHEN ${position + 1} THEN ${value(spec) ?? 'NULL'}`).join(' ')} END`;
}

function actionIndex(specs: ActionSpec[], draw: string): string {
  let threshold = 0;
  const branches = specs.flatMap((spec, position) => {
    if (spec.weight === 0) return [];
    threshold += spec.weight;
    return [`WHEN ${draw} < ${threshold} THEN ${position + 1}`];
  });
  return `CASE ${branches.join(' ')} END`;
}

/** The columns of an entry (as text) and its canonical form, from a row scope that has `a` (the action's 1-based index). */
function entryColumns(specs: ActionSpec[], log: 'platform' | 'org'): string {
  const actorType = perAction(specs, 'a', (spec) => `'${{ staff: 'platform_user', user: 'user', system: 'system' }[spec.actor]}'`);
  const actorId = perAction(specs, 'a', (spec) => ({ staff: 'staff_id', user: 'actor_user_id', system: null })[spec.actor]);
  const actorEmail = perAction(specs, 'a', (spec) => ({ staff: 'staff_email', user: 'actor_user_email', system: null })[spec.actor]);
  const orgId = log === 'org' ? 'o_id::text' : perAction(specs, 'a', (spec) => (spec.concernsOrg ? 'o_id::text' : null));
  const impersonationId = perAction(specs, 'a', (spec) =>
    spec.impersonation ? `(substr(lpad(to_hex(hashint8extended((seq * 3)::bigint, 0)), 16, '0'), 1, 12) || '4' || substr(lpad(to_hex(hashint8extended((seq * 3)::bigint, 0)), 16, '0'), 14, 3) || 'a' || substr(lpad(to_hex(hashint8extended((seq * 3 + 1)::bigint, 0)), 16, '0'), 2, 15))::uuid::text` : null,
  );
  const ip = perAction(specs, 'a', (spec) => ({ staff: `'198.51.100.' || s`, user: `'203.0.113.' || (1 + (h >> 50 & 127))`, system: null })[spec.actor]);
  const userAgent = perAction(specs, 'a', (spec) => (spec.actor === 'system' ? null : pick(USER_AGENTS, `h >> 54 & 255`)));
  const requestId = perAction(specs, 'a', (spec) => (spec.actor === 'system' ? null : `lpad(to_hex(hashint8extended((seq * 5)::bigint, 0)), 16, '0') || lpad(to_hex(seq), 12, '0')`));
  return `
    (ARRAY[${specs.map((spec) => `'${spec.action}'`).join(',')}])[a] AS action,
    ${actorType} AS actor_type,
    ${actorId} AS actor_id,
    ${actorEmail} AS actor_email,
    ${perAction(specs, 'a', (spec) => spec.target?.type ?? null)} AS target_type,
    ${perAction(specs, 'a', (spec) => spec.target?.id ?? null)} AS target_id,
    ${perAction(specs, 'a', (spec) => spec.target?.name ?? null)} AS target_name,
    ${orgId} AS org_id,
    ${impersonationId} AS impersonation_id,
    ${perAction(specs, 'a', (spec) => jsonObject(spec.metadata ?? {}))} AS metadata_text,
    ${ip} AS ip_address,
    ${userAgent} AS user_agent,
    ${requestId} AS request_id`;
}

// chainHash's canonical form: a JSON array of the fields in a fixed order, seq as a string, created_at with milliseconds.
const CANONICAL = `'[' || ${[
  jsonString('id_text'),
  jsonString('seq::text'),
  jsonString('action'),
  jsonString(`replace((timestamp '1970-01-01' + sec * interval '1 second')::text, ' ', 'T') || '.000Z'`),
  jsonString('actor_type'),
  jsonNullable('actor_id'),
  jsonNullable('actor_email'),
  jsonNullable('target_type'),
  jsonNullable('target_id'),
  jsonNullable('target_name'),
  jsonNullable('org_id'),
  jsonNullable('impersonation_id'),
  'metadata_text',
  jsonNullable('ip_address'),
  jsonNullable('user_agent'),
  jsonNullable('request_id'),
].join(` || ',' || `)} || ']'`;

/** Inserts the generated entries (CTE `gen`), their seals and the new chain heads, in one statement. */
function insertSealed(table: 'platform_audit_log' | 'audit_log', sealedAtParameter: string): string {
  return `,
  entries AS (
    INSERT INTO ${table} (seq, id, action, created_at, actor_type, actor_id, actor_email, target_type, target_id, target_name, org_id, impersonation_id, metadata, ip_address, user_agent, request_id)
    OVERRIDING SYSTEM VALUE
    SELECT seq, id_text::uuid, action, to_timestamp(sec), actor_type, actor_id::uuid, actor_email, target_type, target_id, target_name, org_id::uuid, impersonation_id::uuid, metadata_text::jsonb, ip_address, user_agent, request_id
      FROM gen
  ),
  chained AS (
    SELECT g.id_text, g.chain_key, g.seq, coalesce(head.last_index, 0) AS base_index, coalesce(head.last_hash, '${GENESIS_HASH}') AS head_hash,
           pg_temp.keel_chain(coalesce(head.last_hash, '${GENESIS_HASH}'), g.canonical) OVER chain AS hash,
           row_number() OVER chain AS position
      FROM gen g LEFT JOIN audit_chain_heads head ON head.chain_key = g.chain_key
    WINDOW chain AS (PARTITION BY g.chain_key ORDER BY g.seq)
  ),
  sealed AS (
    INSERT INTO audit_seals (entry_id, chain_key, chain_index, prev_hash, hash, sealed_at)
    SELECT id_text::uuid, chain_key, base_index + position, coalesce(lag(hash) OVER chain, head_hash), hash, ${sealedAtParameter}::timestamptz
      FROM chained
    WINDOW chain AS (PARTITION BY chain_key ORDER BY seq)
    RETURNING chain_key, chain_index, hash
  )
  INSERT INTO audit_chain_heads (chain_key, last_index, last_hash)
  SELECT DISTINCT ON (chain_key) chain_key, chain_index, hash FROM sealed ORDER BY chain_key, chain_index DESC
  ON CONFLICT (chain_key) DO UPDATE SET last_index = EXCLUDED.last_index, last_hash = EXCLUDED.last_hash`;
}

/** When platform entry number `i` of `total` happened: evenly spread over `span` seconds from `start` (epoch seconds). */
export function platformEntrySecondSql(i: string, start: string, span: string, total: string): string {
  return `(${start}::bigint + floor(((${i})::bigint - 0.5) * ${span}::float8 / ${total}::float8)::bigint)`;
}

/** The id of platform entry number `i` made at epoch second `sec`: time-ordered (version 7 layout), unique by `i`. */
export function platformEntryIdSql(i: string, sec: string): string {
  return `(lpad(to_hex((${sec}) * 1000), 12, '0') || '7' || lpad(to_hex((${i})::bigint & 4095), 3, '0') || 'a' || lpad(to_hex((${i})::bigint), 15, '0'))::uuid::text`;
}

/**
 * Platform log entries number `$2`..`$3` of `$6`, evenly spread from `$4` (epoch seconds) over `$5`
 * seconds, with seq `$1 + 1`…; orgs from the session's seed_orgs table, staff from the arrays
 * `$7` (ids) and `$8` (e-mails); seals stamped `$9`. Ids are time-ordered (version 7 layout).
 */
export const PLATFORM_CHUNK_SQL = `
  WITH base AS (
    SELECT i, $1::bigint + (i - $2::bigint + 1) AS seq, ${platformEntrySecondSql('i', '$4', '$5', '$6')} AS sec,
           hashint8extended((i * 7919)::bigint, 0) AS h
      FROM generate_series($2::bigint, $3::bigint) AS i
  ),
  drawn AS (
    SELECT b.*, ${actionIndex(PLATFORM_ACTIONS, '(b.h & 1023)')} AS a, (b.h >> 10 & 1023) AS r,
           1 + (b.h >> 20 & 1048575) % (SELECT count(*) FROM seed_orgs) AS n, 1 + (b.h >> 40 & 1023) % cardinality($7::uuid[]) AS s
      FROM base b
  ),
  scoped AS (
    SELECT d.*, o.id AS o_id, o.name AS o_name, o.slug AS o_slug, o.plan AS o_plan, o.account_id AS o_account_id, o.account_name AS o_account_name,
           ($7::uuid[])[d.s]::text AS staff_id, ($8::text[])[d.s] AS staff_email,
           1 AS ka, o.user_offset + 1 AS ga, 1 + (d.h >> 3 & 2147483647) % o.user_count AS kt, o.user_offset + 1 + (d.h >> 3 & 2147483647) % o.user_count AS gt
      FROM drawn d JOIN seed_orgs o ON o.n = d.n
  ),
  with_users AS (SELECT scoped.*, ${USERS_IN_SCOPE} FROM scoped),
  described AS (
    SELECT seq, sec, h, r, s, o_slug, 'platform'::text AS chain_key,
           ${platformEntryIdSql('i', 'sec')} AS id_text,
           ${entryColumns(PLATFORM_ACTIONS, 'platform')}
      FROM with_users
  ),
  gen AS (SELECT *, ${CANONICAL} AS canonical FROM described)${insertSealed('platform_audit_log', '$9')}`;

/**
 * The whole org log of each org in the arrays `$6`…: entries spread from each org's start (or 88
 * days back) to `$1` (epoch seconds), seq from `$2 + entry_offset + 1`. Ids start with the org's
 * id and end with the seq, so that they sort like (org, seq): every index of the log and of the
 * seals is appended to in order. Staff from `$3` (ids) and `$4` (e-mails); seals stamped `$5`.
 */
export const ORG_CHUNK_SQL = `
  WITH org AS (
    SELECT * FROM unnest($6::int[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::bigint[], $14::bigint[], $15::int[], $16::bigint[], $17::uuid[], $18::text[], $19::text[], $20::uuid[], $21::uuid[])
      AS o(n, id, name, slug, plan, status, user_count, user_offset, start_sec, entries, entry_offset, account_id, account_name, account_provider, budget_id, rule_id)
  ),
  base AS (
    SELECT o.*, $2::bigint + o.entry_offset + j AS seq,
           o.start_sec + floor((j - 0.5) * ($1::bigint - o.start_sec)::float8 / o.entries)::bigint AS sec,
           hashint8extended((o.n::bigint * 1000003 + j)::bigint, 0) AS h
      FROM org o CROSS JOIN LATERAL generate_series(1, o.entries) AS j
  ),
  drawn AS (
    SELECT b.*, CASE WHEN b.status = 'pending' THEN 1 ELSE ${actionIndex(ORG_ACTIONS, '(b.h & 1023)')} END AS a, (b.h >> 10 & 1023) AS r,
           CASE WHEN b.status = 'pending' THEN 1 ELSE 1 + (b.h >> 20 & 1048575) % b.user_count END AS ka,
           1 + (b.h >> 40 & 1048575) % b.user_count AS kt, 1 + (b.h >> 12 & 1023) % cardinality($3::uuid[]) AS s
      FROM base b
  ),
  scoped AS (
    SELECT d.*, d.id AS o_id, d.name AS o_name, d.slug AS o_slug, d.plan AS o_plan, d.account_id AS o_account_id, d.account_name AS o_account_name,
           d.account_provider AS o_account_provider, d.budget_id AS o_budget_id, d.rule_id AS o_rule_id,
           ($3::uuid[])[d.s]::text AS staff_id, ($4::text[])[d.s] AS staff_email, d.user_offset + d.ka AS ga, d.user_offset + d.kt AS gt
      FROM drawn d
  ),
  -- OFFSET 0 keeps this step apart, so each user's id and e-mail is computed once however often it is used.
  with_users AS (SELECT scoped.*, ${USERS_IN_SCOPE} FROM scoped OFFSET 0),
  described AS (
    SELECT seq, sec, h, r, s, o_slug, o_id::text AS chain_key,
           (substr(replace(o_id::text, '-', ''), 1, 12) || '4' || substr(replace(o_id::text, '-', ''), 14, 3) || '9' || lpad(to_hex(seq), 15, '0'))::uuid::text AS id_text,
           ${entryColumns(ORG_ACTIONS, 'org')}
      FROM with_users
  ),
  gen AS (SELECT *, ${CANONICAL} AS canonical FROM described)${insertSealed('audit_log', '$5')}`;
