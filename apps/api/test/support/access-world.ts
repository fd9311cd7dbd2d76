import request from 'supertest';
import type { Realm } from '@keel/shared';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { TokenService } from '../../src/modules/auth/token.service';
import { forgeWithForeignKey, resignWithKeelsKey, tokenClaims, unsignedCopy } from './auth-helpers';
import { createStaff, signIn, uniqueIp, type TestAccount } from './factories';
import { addMember, api, createTenantOrg, type TenantOrg } from './tenant-helpers';
import type { ApiRoute } from './routes';
import type { TestApp } from './test-app';

/**
 * Who calls: the columns of the access matrix. The token-shaped ones (expired, forged, …) are
 * copies of the route's realm's strongest caller (super_admin on /platform, org A's owner elsewhere),
 * so that only the defect named by the column stands between them and the route.
 */
export const IDENTITIES = [
  'anonymous',
  'expired',
  'forged',
  'alg_none',
  'wrong_aud',
  'revoked',
  'super_admin',
  'support_admin',
  'api_key',
  'owner',
  'admin',
  'operator',
  'viewer',
  'other_owner',
  'support_ro',
  'support_rw',
] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The identities whose credential is good in the realm: the only ones that can remove what a path names. */
const REALM_CALLERS: Record<Realm, readonly Identity[]> = {
  platform: ['super_admin', 'support_admin', 'api_key'],
  tenant: ['owner', 'admin', 'operator', 'viewer', 'other_owner', 'support_ro', 'support_rw'],
};

export const SUPPORT_REASON = 'Checking who may call which route (access matrix)';

/** The value of a path parameter: one resource of org A shared by every cell, and for removals a fresh one per call. */
export interface ParamFixture {
  id: string;
  /** Makes a resource of its own for a DELETE, so that removing it leaves the shared one to the other cells. */
  fresh?: () => Promise<string>;
}

export interface StaffCaller {
  account: TestAccount;
  token: string;
}

export interface AccessWorld {
  /** The route's org: every path parameter names one of its resources. */
  orgA: TenantOrg;
  /** Another org, whose owner tries org A's resources. */
  orgB: TenantOrg;
  superAdmin: StaffCaller;
  supportAdmin: StaffCaller;
  /** A super_admin API key (`keel_…`). */
  apiKey: string;
  supportSessions: { readOnly: { id: string; token: string }; readWrite: { id: string; token: string } };
  /** The bearer credential an identity sends on a route of the realm; null for none. */
  credential(identity: Identity, realm: Realm): string | null;
  /** Path parameters by the path up to and including them, without `/api/v1/`: `budgets/:id`. */
  params: Record<string, ParamFixture>;
  /** Deletes what the world made outside org A (webhooks would otherwise receive other tests' events). */
  dispose(): Promise<void>;
}

/** Org A with a member of each role, its resources, org B, staff, an API key and support sessions on org A. */
export async function createAccessWorld(test: TestApp): Promise<AccessWorld> {
  const [orgA, orgB, superAdminAccount, supportAdminAccount, bystanderStaff] = await Promise.all([
    createTenantOrg(test),
    createTenantOrg(test),
    createStaff(test, { role: 'super_admin' }),
    createStaff(test, { role: 'support_admin' }),
    createStaff(test, { role: 'support_admin' }),
  ]);
  const [superAdmin, supportAdmin] = await Promise.all(
    [superAdminAccount, supportAdminAccount].map(async (account) => ({ account, token: (await signIn(test, account)).accessToken })),
  );
  const owner = orgA.tokens.owner;
  const asOwner = api(test, owner);
  const asSuperAdmin = api(test, superAdmin.token);
  const createdId = async (pending: request.Test, what: string): Promise<string> => {
    const response = await pending;
    if (response.status !== 201) throw new Error(`Could not create ${what} for the access world: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  };
  // An org connects each provider account once: every one gets its own 12-digit id.
  let accounts = 0;
  const newCloudAccount = () =>
    createdId(asOwner.post('/cloud-accounts').send({ name: 'Matrix account', provider: 'aws', external_id: String(100_000_000_000 + ++accounts) }), 'a cloud account');
  const newBudget = () => createdId(asOwner.post('/budgets').send({ name: 'Matrix budget', amount: 100, period: 'monthly' }), 'a budget');
  const newAlertRule = () => createdId(asOwner.post('/alert-rules').send({ name: 'Matrix rule', metric: 'daily_cost', threshold: 10 }), 'an alert rule');
  const newApiKey = () => createdId(asSuperAdmin.post('/platform/api-keys').send({ name: 'matrix key', role: 'super_admin' }), 'an API key');
  const webhookIds: string[] = [];
  const newWebhook = async () => {
    const id = await createdId(asSuperAdmin.post('/platform/webhooks').send({ url: 'http://127.0.0.1:9/matrix', events: ['org.deleted'] }), 'a webhook');
    webhookIds.push(id);
    return id;
  };
  const startSupportSession = async (caller: StaffCaller, body: object) => {
    const response = await api(test, caller.token).post('/platform/support-sessions').set('X-Forwarded-For', uniqueIp()).send({ org_id: orgA.orgId, reason: SUPPORT_REASON, ...body });
    if (response.status !== 201) throw new Error(`Could not start a support session for the access world: ${response.status} ${JSON.stringify(response.body)}`);
    return { id: response.body.id as string, token: response.body.token as string };
  };

  const [bystander, cloudAccount, budget, alertRule, apiKey, webhook, readOnly, readWrite, supportSessionFixture] = await Promise.all([
    addMember(test, orgA.orgId, 'viewer'),
    newCloudAccount(),
    newBudget(),
    newAlertRule(),
    asSuperAdmin.post('/platform/api-keys').send({ name: 'matrix caller', role: 'super_admin' }).then((response) => response.body.key as string),
    newWebhook(),
    startSupportSession(supportAdmin, {}),
    startSupportSession(superAdmin, { scopes: ['read_write'] }),
    startSupportSession(superAdmin, {}),
  ]);
  const webhookEventId = await deliveredWebhookEvent(test, webhook);

  const tokens = test.app.get(TokenService);
  const sessions = test.app.get(SessionsService);
  const strongest: Record<Realm, string> = { platform: superAdmin.token, tenant: owner };
  const expired = {} as Record<Realm, string>;
  const revoked = {} as Record<Realm, string>;
  for (const realm of ['platform', 'tenant'] as const) {
    const claims = tokenClaims(strongest[realm]) as { sub: string; sid: string; role: string; org_id?: string };
    // Signed by Keel for a live session, one access-token lifetime and a minute ago.
    const lifetimeMilliseconds = (tokens.accessTokenTtlSeconds + 60) * 1000;
    test.clock.advance(-lifetimeMilliseconds);
    try {
      expired[realm] = tokens.signAccessToken({ realm, sub: claims.sub, sid: claims.sid, role: claims.role, orgId: claims.org_id });
    } finally {
      test.clock.advance(lifetimeMilliseconds);
    }
    const account = realm === 'platform' ? superAdmin.account : orgA.members.owner;
    const second = await signIn(test, account);
    await sessions.revoke(second.sessionId, 'access matrix');
    revoked[realm] = second.accessToken;
  }

  const byRealm = (make: (realm: Realm) => string) => ({ platform: make('platform'), tenant: make('tenant') });
  const credentials: Record<Identity, Record<Realm, string | null>> = {
    anonymous: { platform: null, tenant: null },
    expired,
    forged: byRealm((realm) => forgeWithForeignKey(strongest[realm])),
    alg_none: byRealm((realm) => unsignedCopy(strongest[realm])),
    wrong_aud: byRealm((realm) => resignWithKeelsKey(test, strongest[realm], { aud: 'other' })),
    revoked,
    super_admin: byRealm(() => superAdmin.token),
    support_admin: byRealm(() => supportAdmin.token),
    api_key: byRealm(() => apiKey),
    owner: byRealm(() => owner),
    admin: byRealm(() => orgA.tokens.admin),
    operator: byRealm(() => orgA.tokens.operator),
    viewer: byRealm(() => orgA.tokens.viewer),
    other_owner: byRealm(() => orgB.tokens.owner),
    support_ro: byRealm(() => readOnly.token),
    support_rw: byRealm(() => readWrite.token),
  };

  const organization: ParamFixture = { id: orgA.orgId };
  const freshCloudAccount: ParamFixture = { id: cloudAccount, fresh: newCloudAccount };
  return {
    orgA,
    orgB,
    superAdmin,
    supportAdmin,
    apiKey,
    supportSessions: { readOnly, readWrite },
    credential: (identity, realm) => credentials[identity][realm],
    params: {
      'alert-rules/:id': { id: alertRule, fresh: newAlertRule },
      'budgets/:id': { id: budget, fresh: newBudget },
      'cloud-accounts/:id': freshCloudAccount,
      // A session of org A's owner, not the one the owner's column signs in with.
      'me/sessions/:id': { id: (await signIn(test, orgA.members.owner)).sessionId, fresh: async () => (await signIn(test, orgA.members.owner)).sessionId },
      'org/members/:id': { id: bystander.id, fresh: async () => (await addMember(test, orgA.orgId, 'viewer')).id },
      'org/support-sessions/:id': { id: supportSessionFixture.id },
      'platform/api-keys/:id': { id: await newApiKey(), fresh: newApiKey },
      'platform/impersonate/:userId': { id: bystander.id },
      'platform/orgs/:id': organization,
      'platform/orgs/:orgId': organization,
      'platform/orgs/:orgId/accounts/:accountId': freshCloudAccount,
      'platform/orgs/:orgId/users/:userId': { id: bystander.id },
      'platform/sessions/:id': { id: (await signIn(test, bystander)).sessionId, fresh: async () => (await signIn(test, bystander)).sessionId },
      'platform/support-sessions/:id': { id: supportSessionFixture.id },
      'platform/tenants/:id': organization,
      'platform/users/:id': { id: bystanderStaff.id },
      'platform/webhooks/:id': { id: webhook, fresh: newWebhook },
      'platform/webhooks/:id/events/:eventId': { id: webhookEventId },
    },
    dispose: async () => {
      await test.dataSource.query('DELETE FROM webhooks WHERE id = ANY($1)', [webhookIds]);
    },
  };
}

/** An event the webhook was sent once (and failed), so that it can be sent again. */
async function deliveredWebhookEvent(test: TestApp, webhookId: string): Promise<string> {
  const now = test.clock.now();
  const [event] = await test.dataSource.query(`INSERT INTO webhook_events (type, data, created_at) VALUES ('org.deleted', '{}', $1) RETURNING id`, [now]);
  await test.dataSource.query(`INSERT INTO webhook_deliveries (webhook_id, event_id, attempt, status_code, error, attempted_at) VALUES ($1, $2, 1, 500, 'Internal Server Error', $3)`, [webhookId, event.id, now]);
  return event.id;
}

/**
 * The route's path with every parameter filled from the world: a fresh resource when the fixture has one
 * and the caller, authenticated in the route's realm, could remove it with a DELETE; `fresh` tells which.
 * Names the route and parameter that lack a fixture.
 */
export async function fillPath(world: AccessWorld, route: ApiRoute, identity: Identity): Promise<{ path: string; fresh: boolean }> {
  let path = route.url;
  let fresh = false;
  for (const param of route.params) {
    const placeholder = `:${param}`;
    const fixture = paramFixture(world.params, route, param);
    const useFresh = route.method === 'DELETE' && !!fixture.fresh && REALM_CALLERS[route.realm].includes(identity);
    fresh ||= useFresh;
    path = path.replace(placeholder, useFresh ? await fixture.fresh!() : fixture.id);
  }
  return { path, fresh };
}

/** The fixture for one path parameter of the route, from `params` keyed like the world's (`budgets/:id`); names what is missing. */
export function paramFixture(params: Record<string, ParamFixture>, route: ApiRoute, param: string): ParamFixture {
  const placeholder = `:${param}`;
  const key = route.url.slice(0, route.url.indexOf(placeholder) + placeholder.length).replace(/^\/api\/v1\//, '');
  const fixture = params[key];
  if (!fixture) throw new Error(`${route.key} needs a fixture for ${placeholder}: add '${key}' to the params of createAccessWorld (test/support/access-world.ts)`);
  return fixture;
}
