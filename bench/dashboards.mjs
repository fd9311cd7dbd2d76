// The super_admin's dashboards (rows B1 and B2): each endpoint, and the best SQL a person would
// write by hand for the same answer over the same schema (its counters and indexes included), run
// through pg against the same database.
const ORG_COLUMNS = 'id, name, slug, plan, status, user_count, account_count, error_count, last_sync_at, created_at';
// Every column the org list sorts by (ORG_SORT_FIELDS of the API).
const ORG_SORTS = ['name', 'slug', 'plan', 'status', 'user_count', 'account_count', 'error_count', 'last_sync_at', 'created_at'];
// The same page position in both data sets: the fifth page of ten.
const LIMIT = 10;
const OFFSET = 40;

// Only last_sync_at can be null; on the others NULLS LAST on a descending sort would keep the index from serving it.
const orgPage = (column, direction) => `
  WITH page AS (SELECT ${ORG_COLUMNS} FROM organizations ORDER BY ${column} ${direction}${column === 'last_sync_at' ? ' NULLS LAST' : ''}, id ${direction} LIMIT ${LIMIT} OFFSET ${OFFSET})
  SELECT page.*, (SELECT sum(organizations) FROM platform_totals) AS total FROM page`;

export const DASHBOARDS = [
  {
    name: 'stats',
    path: '/api/v1/platform/stats',
    sql: `SELECT sum(organizations), sum(user_count), sum(account_count), sum(cost_row_count), sum(error_count),
                 (SELECT count(*) FROM organizations WHERE created_at >= now() - interval '30 days') FROM platform_totals`,
  },
  ...ORG_SORTS.flatMap((column) =>
    [
      ['ASC', column],
      ['DESC', `-${column}`],
    ].map(([direction, sort]) => ({
      name: `orgs sort=${sort}`,
      path: `/api/v1/platform/orgs?sort=${sort}&limit=${LIMIT}&offset=${OFFSET}`,
      sql: orgPage(column, direction),
    })),
  ),
  {
    name: 'tenants/health',
    path: `/api/v1/platform/tenants/health?limit=${LIMIT}&offset=${OFFSET}`,
    sql: `
      WITH page AS (
        SELECT o.id, o.name, o.status, h.health, h.calls_24h, h.error_rate, h.last_seen_at, h.reason
          FROM tenant_health h JOIN organizations o ON o.id = h.org_id
         ORDER BY h.severity_rank, h.org_name, h.org_id LIMIT ${LIMIT} OFFSET ${OFFSET})
      SELECT page.*, (SELECT json_object_agg(health, orgs) FROM tenant_health_totals) AS stats FROM page`,
  },
  {
    name: 'growth',
    path: '/api/v1/platform/growth',
    sql: `SELECT to_char(week_start, 'YYYY-MM-DD'), orgs FROM org_weekly_signups
           WHERE week_start BETWEEN (date_trunc('week', now() AT TIME ZONE 'UTC') - interval '11 weeks')::date AND now()::date`,
  },
  {
    name: 'usage',
    path: `/api/v1/platform/usage?limit=${LIMIT}&offset=${OFFSET}`,
    sql: `
      SELECT o.id, o.name, o.plan, o.cost_row_count,
             (SELECT count(*) FROM sync_jobs j WHERE j.org_id = o.id AND j.created_at >= now() - interval '30 days') AS syncs,
             (SELECT sum(u.calls) FROM api_usage_hourly u WHERE u.org_id = o.id AND u.hour >= now() - interval '30 days') AS calls,
             (SELECT max(u.last_seen_at) FROM api_usage_hourly u WHERE u.org_id = o.id) AS last_activity,
             (SELECT sum(organizations) FROM platform_totals) AS total
        FROM (SELECT * FROM organizations ORDER BY created_at DESC, id LIMIT ${LIMIT} OFFSET ${OFFSET}) o`,
  },
  {
    name: 'sync-health',
    path: `/api/v1/platform/sync-health?limit=${LIMIT}`,
    sql: `
      WITH page AS (
        SELECT a.id, a.name, a.provider, a.external_id, a.status, a.sync_error, a.last_synced_at, a.org_id, o.name AS org_name
          FROM cloud_accounts a JOIN organizations o ON o.id = a.org_id
         WHERE a.status = 'error' ORDER BY a.updated_at DESC, a.id DESC LIMIT ${LIMIT})
      SELECT page.*, (SELECT sum(error_count) FROM platform_totals) AS total FROM page`,
  },
];

/** The framework's own floor: an authenticated request that reads nothing but the session. */
export const NO_OP = { name: 'platform/auth/me', path: '/api/v1/platform/auth/me' };
