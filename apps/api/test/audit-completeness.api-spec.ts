// Audit completeness (issue 11 §2, SPEC §7): for every mutating route of the running application, a
// successful call writes exactly the entries VALID_CALLS below declares for it, in the right log(s), with
// actor, target, org, client IP, user agent and request id; the same call refused (a caller without the
// role) or invalid (an unknown field, or a malformed id) writes no entry and changes nothing.
// A new mutating route fails here until it has its valid call in VALID_CALLS.
import request, { type Response } from 'supertest';
import type { Identity } from './support/access-world';
import { createAccessWorld, type AccessWorld } from './support/access-world';
import { TokenService } from '../src/modules/auth/token.service';
import { createOrganization, createStaff, createTenantUser, signIn, TEST_PASSWORD, totpCode, uniqueEmail, uniqueIp } from './support/factories';
import { AUDIT_TABLES, changedTables, fingerprint } from './support/fingerprint';
import { startIsolatedTestApp } from './support/isolated-schema';
import { listRoutes, MUTATING_METHODS, type ApiRoute } from './support/routes';
import { addMember, createTenantOrg, waitForSyncJob } from './support/tenant-helpers';
import type { TestApp } from './support/test-app';

const USER_AGENT = 'keel-audit-completeness/1.0 (+issue 11)';
const NEW_PASSWORD = 'a different long passphrase';
const REASON = 'Audit completeness check (ticket 11)';
const INGEST_KEY = 'audit-completeness-ingest-key';

type Log = 'platform' | 'org';

interface ExpectedEntry {
  log: Log;
  action: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string } | null;
  org_id: string | null;
}

/** A call that must succeed, and what it must write. */
interface ValidCall {
  /** The bearer credential; null for none. */
  token: string | null;
  params?: Record<string, string>;
  body?: object;
  headers?: Record<string, string>;
  status: number;
  /** Every entry the call writes, both logs together. */
  entries(response: Response): ExpectedEntry[] | Promise<ExpectedEntry[]>;
  /** Waits for background work the call started, so that the next route starts from a quiet database. */
  settle?(response: Response): Promise<void>;
}

interface Context {
  test: TestApp;
  world: AccessWorld;
}

type Target = { type: string; id: string } | null;

/** A tenant user's action: their org's log only. */
const byUser = (action: string, userId: string, orgId: string, target: Target): ExpectedEntry[] => [{ log: 'org', action, actor: { type: 'user', id: userId }, target, org_id: orgId }];

/** A staff action: the platform log, and the log of the org it concerns under the org's name for it. */
function byStaff(action: string, staffId: string, target: Target, org?: { id: string; action: string }): ExpectedEntry[] {
  const actor = { type: 'platform_user', id: staffId };
  return [
    { log: 'platform', action, actor, target, org_id: org?.id ?? null },
    ...(org ? [{ log: 'org' as const, action: org.action, actor, target, org_id: org.id }] : []),
  ];
}

/** A support session's end: the activity summary and the end, in both logs (SPEC §6, §7). */
function supportSessionEnded(staffId: string, endedBy: { type: string; id: string }, targetUserId: string, orgId: string): ExpectedEntry[] {
  const target = { type: 'user', id: targetUserId };
  const impersonating = { type: 'platform_admin_impersonating', id: staffId };
  return [
    { log: 'platform', action: 'platform.impersonation_action', actor: { type: 'platform_user', id: staffId }, target, org_id: orgId },
    { log: 'org', action: 'platform.impersonation_action', actor: impersonating, target, org_id: orgId },
    { log: 'platform', action: 'platform.impersonation_ended', actor: endedBy, target, org_id: orgId },
    { log: 'org', action: 'platform.impersonation_ended', actor: impersonating, target, org_id: orgId },
  ];
}

/** A support session's start: the platform log names the staff member, the org log the staff member acting as the user. */
function supportSessionStarted(staffId: string, targetUserId: string, orgId: string): ExpectedEntry[] {
  const target = { type: 'user', id: targetUserId };
  return [
    { log: 'platform', action: 'platform.impersonation_started', actor: { type: 'platform_user', id: staffId }, target, org_id: orgId },
    { log: 'org', action: 'platform.impersonation_started', actor: { type: 'platform_admin_impersonating', id: staffId }, target, org_id: orgId },
  ];
}

/** The token of the newest `/<page>?realm=…&token=…` link mailed to the address (mail stays in the outbox in tests). */
async function mailedToken(test: TestApp, email: string, page: 'accept-invite' | 'reset-password'): Promise<string> {
  const [mail] = await test.dataSource.query('SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1', [email]);
  const token = new RegExp(`/${page}\\?realm=\\w+&token=([A-Za-z0-9_-]+)`).exec(mail?.text_body ?? '')?.[1];
  if (!token) throw new Error(`No ${page} link mailed to ${email}`);
  return token;
}

/** POSTs as org A's owner or the super_admin, for the resources a valid call works on. */
async function created(test: TestApp, token: string, path: string, body: object): Promise<Response> {
  const response = await request(test.http).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).set('X-Forwarded-For', uniqueIp()).send(body);
  if (response.status !== 201 && response.status !== 202) throw new Error(`POST ${path} for a valid call answered ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

const platformLogin = async (test: TestApp, email: string) =>
  request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email, password: TEST_PASSWORD });
const tenantLogin = async (test: TestApp, email: string) => request(test.http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email, password: TEST_PASSWORD });

/** A fresh support session on org A's owner, started by the super_admin from a session that just passed MFA. */
async function freshSupportSession({ test, world }: Context): Promise<{ id: string; token: string; staffId: string; targetUserId: string }> {
  const staff = await signIn(test, world.superAdmin.account);
  const response = await created(test, staff.accessToken, '/platform/support-sessions', { org_id: world.orgA.orgId, reason: REASON });
  return { id: response.body.id, token: response.body.token, staffId: world.superAdmin.account.id, targetUserId: response.body.target_user_id };
}

/**
 * One valid call per mutating route, by `METHOD /api/v1/path`. Each makes what its call changes
 * (fresh orgs, users, sessions…), so that calls do not depend on each other's order.
 */
const VALID_CALLS: Record<string, (context: Context) => Promise<ValidCall>> = {
  // Tenant resources (org A, as its owner).
  ...tenantResourceCalls('alert-rules', 'alert_rule', { name: 'Daily spend', metric: 'daily_cost', threshold: 50 }, { threshold: 75 }),
  ...tenantResourceCalls('budgets', 'budget', { name: 'Quarter', amount: 1200, period: 'quarterly' }, { amount: 250 }),
  ...tenantResourceCalls('cloud-accounts', 'cloud_account', () => ({ name: 'Billing', provider: 'gcp', external_id: `billing-${uniqueIp().replace(/\./g, '-')}` }), { name: 'Renamed account' }),
  'POST /api/v1/cloud-accounts/:id/sync': async ({ test, world }) => {
    const id = await world.params['cloud-accounts/:id'].fresh!();
    return {
      token: world.orgA.tokens.owner,
      params: { id },
      body: {},
      status: 202,
      entries: () => byUser('cloud_account.sync_requested', world.orgA.members.owner.id, world.orgA.orgId, { type: 'cloud_account', id }),
      settle: async (response) => void (await waitForSyncJob(test, response.body.id)),
    };
  },

  // Members and the org (owners and admins).
  'POST /api/v1/org/members': async ({ world }) => ({
    token: world.orgA.tokens.owner,
    body: { email: uniqueEmail('invitee'), role: 'viewer' },
    status: 201,
    entries: (response) => byUser('user.invited', world.orgA.members.owner.id, world.orgA.orgId, { type: 'user', id: response.body.id }),
  }),
  'PATCH /api/v1/org/members/:id/role': async ({ test, world }) => {
    const member = await addMember(test, world.orgA.orgId, 'viewer');
    return { token: world.orgA.tokens.owner, params: { id: member.id }, body: { role: 'operator' }, status: 200, entries: () => byUser('user.role_changed', world.orgA.members.owner.id, world.orgA.orgId, { type: 'user', id: member.id }) };
  },
  'DELETE /api/v1/org/members/:id': async ({ world }) => {
    const id = await world.params['org/members/:id'].fresh!();
    return { token: world.orgA.tokens.owner, params: { id }, status: 204, entries: () => byUser('user.removed', world.orgA.members.owner.id, world.orgA.orgId, { type: 'user', id }) };
  },
  'PATCH /api/v1/org/settings': async ({ world }) => ({
    token: world.orgA.tokens.owner,
    body: { name: 'Org A renamed' },
    status: 200,
    entries: () => byUser('org.settings_updated', world.orgA.members.owner.id, world.orgA.orgId, { type: 'organization', id: world.orgA.orgId }),
  }),
  'POST /api/v1/org/transfer-ownership': async ({ test }) => {
    // Both members sign in again afterwards (a role change ends sessions): an org of its own.
    const org = await createTenantOrg(test);
    return {
      token: org.tokens.owner,
      body: { user_id: org.members.admin.id },
      status: 200,
      entries: () => byUser('org.ownership_transferred', org.members.owner.id, org.orgId, { type: 'user', id: org.members.admin.id }),
    };
  },
  'DELETE /api/v1/me/sessions/:id': async ({ world }) => {
    const id = await world.params['me/sessions/:id'].fresh!();
    return { token: world.orgA.tokens.owner, params: { id }, status: 204, entries: () => byUser('user.session_revoked', world.orgA.members.owner.id, world.orgA.orgId, { type: 'session', id }) };
  },
  'POST /api/v1/support-session/end': async (context) => {
    const session = await freshSupportSession(context);
    return {
      token: session.token,
      body: {},
      status: 200,
      entries: () => supportSessionEnded(session.staffId, { type: 'platform_admin_impersonating', id: session.staffId }, session.targetUserId, context.world.orgA.orgId),
    };
  },
  'POST /api/v1/signup': async ({ test }) => {
    const email = uniqueEmail('founder');
    return {
      token: null,
      body: { org_name: 'Self-serve Ltd', slug: `self-${uniqueIp().replace(/\./g, '-')}`, email, password: NEW_PASSWORD },
      status: 201,
      entries: async (response) => {
        const [owner] = await test.dataSource.query('SELECT id FROM users WHERE email = $1', [email]);
        const target = { type: 'organization', id: response.body.org_id };
        const actor = { type: 'user', id: owner.id };
        return [
          { log: 'platform', action: 'org.signed_up', actor, target, org_id: response.body.org_id },
          { log: 'org', action: 'org.signed_up', actor, target, org_id: response.body.org_id },
        ];
      },
    };
  },
  'POST /api/v1/telemetry/api-calls': async ({ test, world }) => ({
    token: null,
    headers: { 'X-Ingest-Key': INGEST_KEY },
    body: { events: [{ org_id: world.orgA.orgId, ts: test.clock.now().toISOString(), method: 'GET', path: '/api/v1/reports', status: 200, duration_ms: 12 }] },
    status: 202,
    // @NoAudit: metering input, counted, not an auditable change.
    entries: () => [],
  }),

  // Tenant sign-in (public routes: the account is the actor).
  'POST /api/v1/auth/login': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' });
    return { token: null, body: { email: user.email, password: TEST_PASSWORD }, status: 200, entries: () => byUser('user.login', user.id, world.orgA.orgId, { type: 'user', id: user.id }) };
  },
  'POST /api/v1/auth/mfa/enroll': async ({ test }) => {
    const organization = await createOrganization(test, { requireTwoFactor: true });
    const user = await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    const login = await tenantLogin(test, user.email);
    return { token: null, body: { mfa_token: login.body.mfa_token }, status: 200, entries: () => byUser('user.mfa_enrollment_started', user.id, organization.id, { type: 'user', id: user.id }) };
  },
  'POST /api/v1/auth/mfa/verify': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer', mfa: true });
    const login = await tenantLogin(test, user.email);
    return {
      token: null,
      body: { mfa_token: login.body.mfa_token, code: totpCode(test, user.totpSecret!) },
      status: 200,
      entries: () => byUser('user.login', user.id, world.orgA.orgId, { type: 'user', id: user.id }),
    };
  },
  'POST /api/v1/auth/refresh': async ({ test, world }) => {
    const session = await signIn(test, await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' }));
    // @NoAudit: a rotation continues a sign-in that was audited.
    return { token: null, body: { refresh_token: session.refreshToken }, status: 200, entries: () => [] };
  },
  'POST /api/v1/auth/logout': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' });
    const session = await signIn(test, user);
    return { token: session.accessToken, body: {}, status: 200, entries: () => byUser('user.logout', user.id, world.orgA.orgId, { type: 'user', id: user.id }) };
  },
  'POST /api/v1/auth/password': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' });
    const session = await signIn(test, user);
    return {
      token: session.accessToken,
      body: { current_password: TEST_PASSWORD, new_password: NEW_PASSWORD },
      status: 200,
      entries: () => byUser('user.password_changed', user.id, world.orgA.orgId, { type: 'user', id: user.id }),
    };
  },
  'POST /api/v1/auth/accept-invite': async ({ test, world }) => {
    const invited = await created(test, world.orgA.tokens.owner, '/org/members', { email: uniqueEmail('invitee'), role: 'viewer' });
    const token = await mailedToken(test, invited.body.email, 'accept-invite');
    return { token: null, body: { token, password: NEW_PASSWORD }, status: 200, entries: () => byUser('user.invitation_accepted', invited.body.id, world.orgA.orgId, { type: 'user', id: invited.body.id }) };
  },
  'POST /api/v1/auth/password-reset': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' });
    return { token: null, body: { email: user.email }, status: 202, entries: () => byUser('user.password_reset_requested', user.id, world.orgA.orgId, null) };
  },
  'POST /api/v1/auth/password-reset/confirm': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer' });
    await request(test.http).post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const token = await mailedToken(test, user.email, 'reset-password');
    return { token: null, body: { token, password: NEW_PASSWORD }, status: 200, entries: () => byUser('user.password_reset', user.id, world.orgA.orgId, { type: 'user', id: user.id }) };
  },

  // Staff sign-in (platform log only).
  'POST /api/v1/platform/auth/login': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    return { token: null, body: { email: staff.email, password: TEST_PASSWORD }, status: 200, entries: () => byStaff('platform.login', staff.id, { type: 'platform_user', id: staff.id }) };
  },
  'POST /api/v1/platform/auth/mfa/enroll': async ({ test }) => {
    // STAFF_REQUIRE_2FA is off here (so that a password signs in); the MFA token is what login hands out when it is on.
    const staff = await createStaff(test, { role: 'support_admin' });
    const mfaToken = test.app.get(TokenService).signMfaToken('platform', staff.id);
    return { token: null, body: { mfa_token: mfaToken }, status: 200, entries: () => byStaff('platform.mfa_enrollment_started', staff.id, { type: 'platform_user', id: staff.id }) };
  },
  'POST /api/v1/platform/auth/mfa/verify': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin', mfa: true });
    const login = await platformLogin(test, staff.email);
    return {
      token: null,
      body: { mfa_token: login.body.mfa_token, code: totpCode(test, staff.totpSecret!) },
      status: 200,
      entries: () => byStaff('platform.login', staff.id, { type: 'platform_user', id: staff.id }),
    };
  },
  'POST /api/v1/platform/auth/refresh': async ({ test }) => {
    const session = await signIn(test, await createStaff(test, { role: 'support_admin' }));
    return { token: null, body: { refresh_token: session.refreshToken }, status: 200, entries: () => [] };
  },
  'POST /api/v1/platform/auth/logout': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    const session = await signIn(test, staff);
    return { token: session.accessToken, body: {}, status: 200, entries: () => byStaff('platform.logout', staff.id, { type: 'platform_user', id: staff.id }) };
  },
  'POST /api/v1/platform/auth/password': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    const session = await signIn(test, staff);
    return {
      token: session.accessToken,
      body: { current_password: TEST_PASSWORD, new_password: NEW_PASSWORD },
      status: 200,
      entries: () => byStaff('platform.password_changed', staff.id, { type: 'platform_user', id: staff.id }),
    };
  },
  'POST /api/v1/platform/auth/accept-invite': async ({ test, world }) => {
    const invited = await created(test, world.superAdmin.token, '/platform/users', { email: uniqueEmail('staff'), name: 'New Staff', role: 'support_admin' });
    const token = await mailedToken(test, invited.body.email, 'accept-invite');
    return { token: null, body: { token, password: NEW_PASSWORD }, status: 200, entries: () => byStaff('platform.invitation_accepted', invited.body.id, { type: 'platform_user', id: invited.body.id }) };
  },
  'POST /api/v1/platform/auth/password-reset': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    return { token: null, body: { email: staff.email }, status: 202, entries: () => byStaff('platform.password_reset_requested', staff.id, null) };
  },
  'POST /api/v1/platform/auth/password-reset/confirm': async ({ test }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    await request(test.http).post('/api/v1/platform/auth/password-reset').send({ email: staff.email }).expect(202);
    const token = await mailedToken(test, staff.email, 'reset-password');
    return { token: null, body: { token, password: NEW_PASSWORD }, status: 200, entries: () => byStaff('platform.password_reset', staff.id, { type: 'platform_user', id: staff.id }) };
  },

  // Staff accounts, API keys and webhooks (no org: the platform log only).
  'POST /api/v1/platform/users': async ({ world }) => ({
    token: world.superAdmin.token,
    body: { email: uniqueEmail('staff'), name: 'Invited Staff', role: 'support_admin' },
    status: 201,
    entries: (response) => byStaff('platform.user_created', world.superAdmin.account.id, { type: 'platform_user', id: response.body.id }),
  }),
  'PATCH /api/v1/platform/users/:id/role': async ({ test, world }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    return { token: world.superAdmin.token, params: { id: staff.id }, body: { role: 'super_admin' }, status: 200, entries: () => byStaff('platform.user_role_changed', world.superAdmin.account.id, { type: 'platform_user', id: staff.id }) };
  },
  'POST /api/v1/platform/users/:id/disable': async ({ test, world }) => {
    const staff = await createStaff(test, { role: 'support_admin' });
    return { token: world.superAdmin.token, params: { id: staff.id }, body: {}, status: 200, entries: () => byStaff('platform.user_disabled', world.superAdmin.account.id, { type: 'platform_user', id: staff.id }) };
  },
  'POST /api/v1/platform/api-keys': async ({ world }) => ({
    token: world.superAdmin.token,
    body: { name: 'Reporting robot', role: 'support_admin' },
    status: 201,
    entries: (response) => byStaff('platform.api_key_created', world.superAdmin.account.id, { type: 'api_key', id: response.body.id }),
  }),
  'DELETE /api/v1/platform/api-keys/:id': async ({ world }) => {
    const id = await world.params['platform/api-keys/:id'].fresh!();
    return { token: world.superAdmin.token, params: { id }, status: 204, entries: () => byStaff('platform.api_key_revoked', world.superAdmin.account.id, { type: 'api_key', id }) };
  },
  'POST /api/v1/platform/webhooks': async ({ test, world }) => ({
    token: world.superAdmin.token,
    body: { url: 'http://127.0.0.1:9/audit', events: ['org.deleted'] },
    status: 201,
    entries: (response) => byStaff('platform.webhook_created', world.superAdmin.account.id, { type: 'webhook', id: response.body.id }),
    // Nobody should deliver other tests' events to it.
    settle: async (response) => void (await test.dataSource.query('DELETE FROM webhooks WHERE id = $1', [response.body.id])),
  }),
  'DELETE /api/v1/platform/webhooks/:id': async ({ world }) => {
    const id = await world.params['platform/webhooks/:id'].fresh!();
    return { token: world.superAdmin.token, params: { id }, status: 204, entries: () => byStaff('platform.webhook_deleted', world.superAdmin.account.id, { type: 'webhook', id }) };
  },
  'POST /api/v1/platform/webhooks/:id/events/:eventId/redeliver': async ({ world }) => {
    const id = world.params['platform/webhooks/:id'].id;
    return {
      token: world.superAdmin.token,
      params: { id, eventId: world.params['platform/webhooks/:id/events/:eventId'].id },
      body: {},
      status: 202,
      entries: () => byStaff('platform.webhook_redelivered', world.superAdmin.account.id, { type: 'webhook', id }),
    };
  },

  // Staff actions on an org: both logs.
  'POST /api/v1/platform/orgs': async ({ world }) => ({
    token: world.superAdmin.token,
    body: { name: 'Created by staff', slug: `staff-${uniqueIp().replace(/\./g, '-')}`, plan: 'pro', owner_email: uniqueEmail('owner') },
    status: 201,
    entries: (response) =>
      byStaff('platform.org_created', world.superAdmin.account.id, { type: 'organization', id: response.body.id }, { id: response.body.id, action: 'org.created_by_platform' }),
  }),
  ...orgLifecycleCall('PATCH', 'plan', { plan: 'enterprise' }, 'platform.org_plan_changed', 'org.plan_changed_by_platform'),
  ...orgLifecycleCall('PATCH', 'require-2fa', { required: true }, 'platform.org_2fa_required_changed', 'org.2fa_requirement_changed_by_platform'),
  ...orgLifecycleCall('POST', 'contact', { subject: 'Maintenance', message: 'We will upgrade your plan tonight.' }, 'platform.org_contacted', 'org.contacted_by_platform', 202),
  ...orgLifecycleCall('POST', 'approve', {}, 'platform.org_approved', 'org.approved_by_platform', 200, { status: 'pending' }),
  ...orgLifecycleCall('POST', 'reject', { reason: 'Not a real company' }, 'platform.org_rejected', 'org.rejected_by_platform', 200, { status: 'pending' }),
  ...orgLifecycleCall('POST', 'disable', { reason: 'Unpaid invoices' }, 'platform.org_disabled', 'org.disabled_by_platform'),
  ...orgLifecycleCall('POST', 'enable', {}, 'platform.org_enabled', 'org.enabled_by_platform', 200, { status: 'suspended' }),
  ...orgLifecycleCall('POST', 'restore', {}, 'platform.org_deletion_cancelled', 'org.deletion_cancelled_by_platform', 200, { status: 'pending_deletion', deletionScheduledAt: new Date(Date.now() + 86_400_000), statusBeforeDeletion: 'active' }),
  'DELETE /api/v1/platform/orgs/:id': async ({ test, world }) => {
    const organization = await createOrganization(test);
    return {
      token: world.superAdmin.token,
      params: { id: organization.id },
      body: { confirmation: organization.slug },
      status: 202,
      entries: () => byStaff('platform.org_deletion_initiated', world.superAdmin.account.id, { type: 'organization', id: organization.id }, { id: organization.id, action: 'org.deletion_scheduled_by_platform' }),
    };
  },
  'POST /api/v1/platform/tenants/:id/force-logout': async ({ test, world }) => {
    const org = await createTenantOrg(test);
    return {
      token: world.superAdmin.token,
      params: { id: org.orgId },
      body: {},
      status: 200,
      entries: () => byStaff('platform.org_force_logout', world.superAdmin.account.id, { type: 'organization', id: org.orgId }, { id: org.orgId, action: 'org.force_logout_by_platform' }),
    };
  },
  'DELETE /api/v1/platform/orgs/:orgId/accounts/:accountId': async ({ world }) => {
    const accountId = await world.params['platform/orgs/:orgId/accounts/:accountId'].fresh!();
    const orgId = world.orgA.orgId;
    return {
      token: world.superAdmin.token,
      params: { orgId, accountId },
      status: 204,
      entries: () => byStaff('platform.account_deleted', world.superAdmin.account.id, { type: 'cloud_account', id: accountId }, { id: orgId, action: 'cloud_account.deleted_by_platform' }),
    };
  },
  'POST /api/v1/platform/orgs/:orgId/users/:userId/reset-mfa': async ({ test, world }) => {
    const user = await createTenantUser(test, { orgId: world.orgA.orgId, role: 'viewer', mfa: true });
    const orgId = world.orgA.orgId;
    return {
      token: world.superAdmin.token,
      params: { orgId, userId: user.id },
      body: {},
      status: 200,
      entries: () => byStaff('platform.user_mfa_reset', world.superAdmin.account.id, { type: 'user', id: user.id }, { id: orgId, action: 'user.mfa_reset_by_platform' }),
    };
  },
  'DELETE /api/v1/platform/sessions/:id': async ({ world }) => {
    const id = await world.params['platform/sessions/:id'].fresh!();
    const orgId = world.orgA.orgId;
    return {
      token: world.superAdmin.token,
      params: { id },
      status: 204,
      entries: () => byStaff('platform.session_revoked', world.superAdmin.account.id, { type: 'session', id }, { id: orgId, action: 'session.revoked_by_platform' }),
    };
  },

  // Support sessions (SPEC §6): start and end write to both logs.
  'POST /api/v1/platform/support-sessions': async ({ test, world }) => {
    const staff = await signIn(test, world.supportAdmin.account);
    return {
      token: staff.accessToken,
      body: { org_id: world.orgA.orgId, reason: REASON },
      status: 201,
      entries: () => supportSessionStarted(world.supportAdmin.account.id, world.orgA.members.owner.id, world.orgA.orgId),
    };
  },
  'POST /api/v1/platform/impersonate/:userId': async ({ test, world }) => {
    const staff = await signIn(test, world.superAdmin.account);
    const userId = world.orgA.members.operator.id;
    return { token: staff.accessToken, params: { userId }, body: { reason: REASON }, status: 201, entries: () => supportSessionStarted(world.superAdmin.account.id, userId, world.orgA.orgId) };
  },
  'POST /api/v1/platform/support-sessions/:id/revoke': async (context) => {
    const session = await freshSupportSession(context);
    const { world } = context;
    return {
      token: world.supportAdmin.token,
      params: { id: session.id },
      body: { reason: 'Ticket closed' },
      status: 200,
      entries: () => supportSessionEnded(session.staffId, { type: 'platform_user', id: world.supportAdmin.account.id }, session.targetUserId, world.orgA.orgId),
    };
  },
};

/** Create, change and delete of an org A resource by its owner: `<target type>.created|updated|deleted` in the org log. */
function tenantResourceCalls(collection: string, targetType: string, create: object | (() => object), update: object): Record<string, (context: Context) => Promise<ValidCall>> {
  const call = (world: AccessWorld, action: string, status: number, id: string | null, body?: object): ValidCall => ({
    token: world.orgA.tokens.owner,
    ...(id ? { params: { id } } : {}),
    body,
    status,
    entries: (response) => byUser(`${targetType}.${action}`, world.orgA.members.owner.id, world.orgA.orgId, { type: targetType, id: id ?? response.body.id }),
  });
  return {
    [`POST /api/v1/${collection}`]: async ({ world }) => call(world, 'created', 201, null, typeof create === 'function' ? create() : create),
    [`PATCH /api/v1/${collection}/:id`]: async ({ world }) => call(world, 'updated', 200, world.params[`${collection}/:id`].id, update),
    [`DELETE /api/v1/${collection}/:id`]: async ({ world }) => call(world, 'deleted', 204, await world.params[`${collection}/:id`].fresh!()),
  };
}

/** A super_admin's change to a fresh org (of the given state), written to both logs. */
function orgLifecycleCall(
  method: 'POST' | 'PATCH',
  action: string,
  body: object,
  platformAction: string,
  orgAction: string,
  status = 200,
  state: Parameters<typeof createOrganization>[1] = {},
): Record<string, (context: Context) => Promise<ValidCall>> {
  return {
    [`${method} /api/v1/platform/orgs/:id/${action}`]: async ({ test, world }) => {
      const organization = await createOrganization(test, state);
      // An owner to mail (contact, suspension, re-enabling).
      await createTenantUser(test, { orgId: organization.id, role: 'owner' });
      return {
        token: world.superAdmin.token,
        params: { id: organization.id },
        body,
        status,
        entries: () => byStaff(platformAction, world.superAdmin.account.id, { type: 'organization', id: organization.id }, { id: organization.id, action: orgAction }),
      };
    },
  };
}

async function entriesOf(test: TestApp, requestId: string) {
  const rows = [];
  for (const [log, table] of Object.entries(AUDIT_TABLES)) {
    const found = await test.dataSource.query(
      `SELECT action, actor_type, actor_id, target_type, target_id, org_id, ip_address, user_agent, request_id FROM ${table} WHERE request_id = $1`,
      [requestId],
    );
    rows.push(...found.map((row: Record<string, string | null>) => ({ log, ...row })));
  }
  return rows;
}

/** Who is refused by the route's access rule: a role it does not admit (403), else a token of the other realm (401). */
function refusingIdentity(route: ApiRoute): Identity | null {
  if (route.access === 'public') return route.noApiKeys ? 'api_key' : null;
  const roles = route.access.split(': ')[1].split(', ');
  if (route.realm === 'platform') return !roles.includes('support_admin') ? 'support_admin' : route.noApiKeys ? 'api_key' : 'owner';
  const missing = (['viewer', 'operator', 'admin'] as const).find((role) => !roles.includes(role));
  if (missing) return missing;
  return route.supportSession === 'never' ? 'support_rw' : 'super_admin';
}

let callNumber = 0;

/** Sends the call with a client IP, user agent and request id of its own, and returns them with the answer. */
async function send(test: TestApp, route: ApiRoute, call: { token: string | null; path: string; body?: object; headers?: Record<string, string> }) {
  const ip = uniqueIp();
  const requestId = `audit-completeness-${process.pid}-${++callNumber}`;
  const pending = request(test.http)[route.method.toLowerCase() as 'post' | 'patch' | 'delete'](call.path)
    .set('X-Forwarded-For', ip)
    .set('User-Agent', USER_AGENT)
    .set('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(call.headers ?? {})) pending.set(name, value);
  if (call.token) pending.auth(call.token, { type: 'bearer' });
  const response = await (call.body === undefined ? pending : pending.send(call.body));
  return { response, ip, requestId };
}

function pathWith(route: ApiRoute, params: Record<string, string> = {}): string {
  return route.params.reduce((path, param) => {
    if (!params[param]) throw new Error(`the valid call gives no :${param}`);
    return path.replace(`:${param}`, params[param]);
  }, route.url);
}

describe('audit completeness (SPEC §7)', () => {
  let test: TestApp;
  let close: () => Promise<void>;
  let context: Context;
  let mutatingRoutes: ApiRoute[];

  beforeAll(async () => {
    // A schema of its own: "changes nothing" compares whole tables, which other test files would change meanwhile.
    // Without the staff 2FA requirement a correct password signs staff in, which is what platform login audits.
    const isolated = await startIsolatedTestApp({ STAFF_REQUIRE_2FA: 'false', TELEMETRY_INGEST_KEY: INGEST_KEY });
    test = isolated.test;
    close = isolated.close;
    context = { test, world: await createAccessWorld(test) };
    mutatingRoutes = listRoutes(test.app).filter((route) => MUTATING_METHODS.includes(route.method));
  });
  afterAll(async () => {
    await context?.world.dispose();
    await close?.();
  });

  it('has a valid call for every mutating route, and none for a route that no longer exists', () => {
    const keys = mutatingRoutes.map((route) => route.key);
    expect(keys.filter((key) => !VALID_CALLS[key]).map((key) => `${key}: add its valid call to VALID_CALLS`)).toEqual([]);
    expect(Object.keys(VALID_CALLS).filter((key) => !keys.includes(key)).map((key) => `${key}: no such route; remove it from VALID_CALLS`)).toEqual([]);
  });

  it('writes exactly the declared entries on success, and nothing on a refused or invalid call', async () => {
    const problems: string[] = [];
    for (const route of mutatingRoutes) {
      const make = VALID_CALLS[route.key];
      if (!make) continue;
      try {
        problems.push(...(await checkRoute(route, await make(context))).map((problem) => `${route.key}: ${problem}`));
      } catch (error) {
        problems.push(`${route.key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** Invalid, then refused, then the valid call: the first two must leave no trace, the last exactly its entries. */
  async function checkRoute(route: ApiRoute, call: ValidCall): Promise<string[]> {
    const problems: string[] = [];
    const path = pathWith(route, call.params);
    const malformedIdPath = route.params.length ? path.replace(call.params![route.params.at(-1)!], 'not-a-uuid') : path;
    const invalid = call.body === undefined ? { ...call, path: malformedIdPath } : { ...call, path, body: { ...call.body, unexpected_field: true } };
    const refuser = refusingIdentity(route);
    const attempts = [
      { name: 'invalid', call: invalid, statuses: [400] },
      ...(refuser ? [{ name: `refused (${refuser})`, call: { ...call, path, token: context.world.credential(refuser, route.realm) }, statuses: [401, 403] }] : []),
    ];
    for (const attempt of attempts) {
      const before = await fingerprint(test);
      const { response, requestId } = await send(test, route, attempt.call);
      if (!attempt.statuses.includes(response.status)) problems.push(`the ${attempt.name} call answered ${response.status}, not ${attempt.statuses.join(' or ')}: ${JSON.stringify(response.body)}`);
      const written = await entriesOf(test, requestId);
      if (written.length) problems.push(`the ${attempt.name} call wrote ${written.map((entry) => `${entry.log}:${entry.action}`).join(', ')}`);
      const after = await fingerprint(test);
      const changed = changedTables(before, after);
      if (changed.length) problems.push(`the ${attempt.name} call changed ${changed.join(', ')}`);
    }

    const { response, ip, requestId } = await send(test, route, { ...call, path });
    if (response.status !== call.status) return [...problems, `the valid call answered ${response.status}, not ${call.status}: ${JSON.stringify(response.body)}`];
    await call.settle?.(response);
    const origin = { ip_address: ip, user_agent: USER_AGENT, request_id: requestId };
    const expected = (await call.entries(response)).map((entry) => ({
      log: entry.log,
      action: entry.action,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      org_id: entry.org_id,
      ...origin,
    }));
    const order = (entries: object[]) => entries.map((entry) => JSON.stringify(entry)).sort();
    const actual = await entriesOf(test, requestId);
    if (JSON.stringify(order(actual)) !== JSON.stringify(order(expected))) {
      problems.push(`the valid call wrote\n      ${order(actual).join('\n      ') || '(nothing)'}\n    instead of\n      ${order(expected).join('\n      ') || '(nothing)'}`);
    }
    return problems;
  }
});
