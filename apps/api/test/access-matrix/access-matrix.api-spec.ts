// The access matrix (issue 11 §1): every route of the running application, called by every identity of
// test/support/access-world.ts, must answer as expectations.txt beside this file says. A route missing from the
// table, a row for a route that no longer exists, or any differing cell fails, naming route × identity.
// The table is reviewed like code: a diff in it is a permission change. After an intended change, rewrite it with
//   UPDATE_ACCESS_MATRIX=1 npx jest -c apps/api/jest.api.config.cjs apps/api/test/access-matrix
// and check the diff against SPEC.md §1, §3, §6 and §11.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createAccessWorld, fillPath, IDENTITIES, type AccessWorld, type Identity } from '../support/access-world';
import { uniqueIp } from '../support/factories';
import { listRoutes, MUTATING_METHODS, type ApiRoute } from '../support/routes';
import { closeTestApp } from '../support/tenant-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

const TABLE_FILE = join(__dirname, 'expectations.txt');
const UPDATE = process.env.UPDATE_ACCESS_MATRIX === '1';

/** What a cell records: refused with 401/403, invisible (404), or through authentication and authorization (`ok`). */
type Outcome = 'ok' | '401' | '403' | '404' | '429' | '5xx';

// Guards run before the validation pipe: an unknown field gets 400 from any route that passed them, and changes nothing.
const PROBE_BODY = { access_matrix_probe: true };
// On routes that name org A's resources, org B's owner sends a body that passes validation (an empty one unless listed
// here), so that the resource is looked up and must not be found.
const CROSS_ORG_BODIES: Record<string, object> = { 'PATCH /api/v1/org/members/:id/role': { role: 'viewer' } };
// Small batches keep the loaded machine responsive; cells of one batch touch nothing another cell needs.
const PARALLEL_REQUESTS = 8;

const TABLE_HEADER = [
  '# Access matrix: the expected outcome of every route (rows) for every caller (columns). Checked by access-matrix.api-spec.ts;',
  '# a change here is a permission change. Rewrite: UPDATE_ACCESS_MATRIX=1 npx jest -c apps/api/jest.api.config.cjs apps/api/test/access-matrix',
  '#   ok  = passed authentication and authorization (any answer but 401, 403, 404, 429 or 5xx: mutations get an invalid body, so 400 is ok)',
  '#   401 = no valid credential here; 403 = may not; 404 = org A\'s resource is invisible to the caller',
  '#   (ok is the route\'s access rule; what a service checks of the body or the resource, such as owner-only settings or',
  '#   "only a support session ends itself", is tested with its module.)',
  '# Path parameters are resources of org A. Callers: anonymous (no token); expired, forged (another key, same kid), alg_none,',
  '#   wrong_aud (aud "other", signed by Keel), revoked (session revoked) = tokens of the realm\'s strongest caller (super_admin on',
  '#   /platform, org A\'s owner elsewhere) with that one defect; super_admin, support_admin; api_key = a super_admin API key;',
  '#   owner, admin, operator, viewer of org A; other_owner = the owner of org B; support_ro, support_rw = support sessions on org A\'s owner.',
];

interface Cell {
  route: ApiRoute;
  identity: Identity;
  outcome: Outcome;
  status: number;
  /** A mutation that succeeded on a resource other cells share: the matrix would depend on the order of cells. */
  changedSharedFixture: boolean;
}

function outcomeOf(status: number): Outcome {
  if (status >= 500) return '5xx';
  if (status === 401 || status === 403 || status === 404 || status === 429) return String(status) as Outcome;
  return 'ok';
}

async function callRoute(test: TestApp, world: AccessWorld, route: ApiRoute, identity: Identity): Promise<Cell> {
  const { path, fresh } = await fillPath(world, route, identity);
  const pending = request(test.http)[route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path).set('X-Forwarded-For', uniqueIp());
  const credential = world.credential(identity, route.realm);
  if (credential) pending.auth(credential, { type: 'bearer' });
  const mutating = MUTATING_METHODS.includes(route.method);
  const crossOrg = identity === 'other_owner' && route.params.length > 0;
  if (mutating) pending.send(crossOrg ? (CROSS_ORG_BODIES[route.key] ?? {}) : PROBE_BODY);
  const response = await pending;
  return {
    route,
    identity,
    outcome: outcomeOf(response.status),
    status: response.status,
    changedSharedFixture: mutating && response.status < 300 && !fresh,
  };
}

function renderTable(routes: ApiRoute[], outcomes: Map<string, Record<Identity, Outcome>>): string {
  const width = Math.max(...routes.map((route) => route.key.length));
  const columns = IDENTITIES.map((identity) => Math.max(identity.length, 3));
  const line = (first: string, cells: readonly string[]) => [first.padEnd(width), ...cells.map((cell, index) => cell.padEnd(columns[index]))].join('  ').trimEnd();
  return [...TABLE_HEADER, line('route', IDENTITIES), ...routes.map((route) => line(route.key, IDENTITIES.map((identity) => outcomes.get(route.key)![identity])))].join('\n') + '\n';
}

/** The committed table: route key → identity → expected outcome. */
function readTable(): { rows: Map<string, Record<string, string>>; problems: string[] } {
  const rows = new Map<string, Record<string, string>>();
  const problems: string[] = [];
  let text = '';
  try {
    text = readFileSync(TABLE_FILE, 'utf8');
  } catch {
    return { rows, problems: [`${TABLE_FILE} is missing: write it with UPDATE_ACCESS_MATRIX=1 and review it`] };
  }
  const lines = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  const [header, ...body] = lines;
  const columns = header?.trim().split(/\s+/).slice(1) ?? [];
  if (columns.join(' ') !== IDENTITIES.join(' ')) problems.push(`The table's columns (${columns.join(' ')}) are not the identities (${IDENTITIES.join(' ')}): rewrite it with UPDATE_ACCESS_MATRIX=1`);
  for (const line of body) {
    const [method, url, ...cells] = line.trim().split(/\s+/);
    rows.set(`${method} ${url}`, Object.fromEntries(columns.map((identity, index) => [identity, cells[index]])));
  }
  return { rows, problems };
}

describe('access matrix', () => {
  let test: TestApp;
  let world: AccessWorld;

  beforeAll(async () => {
    test = await startTestApp();
    world = await createAccessWorld(test);
  }, 120_000);
  afterAll(async () => {
    await world?.dispose();
    await closeTestApp(test);
  });

  // 1,700 requests: a loaded 2-core machine needs more than the suite's default minute.
  it('answers every route for every caller exactly as the reviewed table says', async () => {
    const routes = listRoutes(test.app);
    const pending = routes.flatMap((route) => IDENTITIES.map((identity) => ({ route, identity })));
    const cells: Cell[] = [];
    for (let start = 0; start < pending.length; start += PARALLEL_REQUESTS) {
      cells.push(...(await Promise.all(pending.slice(start, start + PARALLEL_REQUESTS).map(({ route, identity }) => callRoute(test, world, route, identity)))));
    }

    const outcomes = new Map<string, Record<Identity, Outcome>>();
    for (const cell of cells) {
      const row = outcomes.get(cell.route.key) ?? ({} as Record<Identity, Outcome>);
      row[cell.identity] = cell.outcome;
      outcomes.set(cell.route.key, row);
    }
    // Never acceptable, whatever the table says.
    const problems = [
      ...cells.filter((cell) => cell.outcome === '5xx').map((cell) => `${cell.route.key} × ${cell.identity}: answered ${cell.status}`),
      ...cells
        .filter((cell) => cell.changedSharedFixture)
        .map((cell) => `${cell.route.key} × ${cell.identity}: answered ${cell.status} to ${cell.identity === 'other_owner' ? 'a call on org A\'s resource' : 'an invalid body'} and may have changed what other cells use`),
    ];

    if (UPDATE) {
      writeFileSync(TABLE_FILE, renderTable(routes, outcomes));
    } else {
      const table = readTable();
      problems.push(...table.problems);
      for (const route of routes) {
        const expected = table.rows.get(route.key);
        if (!expected) {
          problems.push(`${route.key}: not in the table; add its row (UPDATE_ACCESS_MATRIX=1) and review who may call it`);
          continue;
        }
        for (const identity of IDENTITIES) {
          const actual = outcomes.get(route.key)![identity];
          if (expected[identity] !== actual) problems.push(`${route.key} × ${identity}: expected ${expected[identity] ?? '(nothing)'}, got ${actual}`);
        }
      }
      const known = new Set(routes.map((route) => route.key));
      for (const key of table.rows.keys()) if (!known.has(key)) problems.push(`${key}: in the table but no such route exists; remove its row`);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
