// What must hold after a soak run: the audit chains verify through the API, and every counter equals a
// recount of what it counts, read through the owner's connection.
import { sleep } from '../bench/keel-process.mjs';

// The sealer links committed entries every second; read summaries are written every minute.
const SEALED_WITHIN_MILLISECONDS = 30_000;

/** The platform chain (super_admin) and each org's chain (its owner), once the sealer has caught up. */
export async function verifyChains(api, staffToken, tenants) {
  const chains = [{ name: 'platform', path: '/platform/audit-log/verify', token: staffToken }, ...tenants.map((tenant) => ({ name: `org ${tenant.orgId}`, path: '/admin/audit-log/verify', token: tenant.token }))];
  const results = [];
  for (const chain of chains) {
    const deadline = Date.now() + SEALED_WITHIN_MILLISECONDS;
    let answer;
    for (;;) {
      const response = await fetch(`${api.url}/api/v1${chain.path}`, { headers: { authorization: `Bearer ${chain.token}` } });
      answer = response.ok ? await response.json() : { ok: false, status: response.status };
      if (!answer.ok || answer.unsealed === 0 || Date.now() > deadline) break;
      await sleep(500);
    }
    const detail = answer.status ? `answered ${answer.status}` : `${answer.checked} links checked, ${answer.unsealed} unsealed, first broken ${answer.first_broken_id ?? 'none'}`;
    results.push({ name: chain.name, ok: answer.ok === true && answer.unsealed === 0, detail });
  }
  return results;
}

/** Each check runs as one statement: one snapshot, whatever the background jobs are doing meanwhile. */
export async function checkCounters(owner) {
  const one = async (text) => (await owner.query(text)).rows[0];

  const organizations = await one(`
    SELECT count(*)::int AS checked,
           count(*) FILTER (WHERE o.user_count <> (SELECT count(*) FROM users u WHERE u.org_id = o.id)
                             OR o.account_count <> (SELECT count(*) FROM cloud_accounts a WHERE a.org_id = o.id)
                             OR o.error_count <> (SELECT count(*) FROM cloud_accounts a WHERE a.org_id = o.id AND a.status = 'error')
                             OR o.cost_row_count <> (SELECT count(*) FROM cost_rows c WHERE c.org_id = o.id))::int AS off
      FROM organizations o`);
  const accounts = await one(`
    SELECT count(*)::int AS checked, count(*) FILTER (WHERE a.cost_row_count <> (SELECT count(*) FROM cost_rows c WHERE c.account_id = a.id))::int AS off
      FROM cloud_accounts a`);
  const totals = await one(`
    SELECT t.organizations = o.organizations AND t.user_count = o.user_count AND t.account_count = o.account_count
           AND t.cost_row_count = o.cost_row_count AND t.error_count = o.error_count AS equal,
           row_to_json(t)::text AS stored, row_to_json(o)::text AS recounted
      FROM (SELECT sum(organizations)::bigint AS organizations, sum(user_count)::bigint AS user_count, sum(account_count)::bigint AS account_count,
                   sum(cost_row_count)::bigint AS cost_row_count, sum(error_count)::bigint AS error_count
              FROM platform_totals) t,
           (SELECT count(*)::bigint AS organizations, coalesce(sum(user_count), 0)::bigint AS user_count, coalesce(sum(account_count), 0)::bigint AS account_count,
                   coalesce(sum(cost_row_count), 0)::bigint AS cost_row_count, coalesce(sum(error_count), 0)::bigint AS error_count
              FROM organizations) o`);
  const health = await one(`
    SELECT count(*) FILTER (WHERE t.orgs <> coalesce(h.orgs, 0))::int AS off, string_agg(t.health || ' ' || t.orgs || '/' || coalesce(h.orgs, 0), ', ' ORDER BY t.health) AS detail
      FROM tenant_health_totals t LEFT JOIN (SELECT health, count(*)::int AS orgs FROM tenant_health GROUP BY health) h ON h.health = t.health`);

  return [
    { name: 'organizations’ counters equal their recount', pass: organizations.off === 0, detail: `${organizations.off} of ${organizations.checked} orgs off` },
    { name: 'cloud accounts’ cost-row counters equal their recount', pass: accounts.off === 0, detail: `${accounts.off} of ${accounts.checked} accounts off` },
    { name: 'platform totals equal the sums over organizations', pass: totals.equal === true, detail: totals.equal ? totals.stored : `stored ${totals.stored}, recounted ${totals.recounted}` },
    { name: 'tenant health totals equal the counts of tenant health', pass: health.off === 0, detail: `stored/recounted: ${health.detail}` },
  ];
}
