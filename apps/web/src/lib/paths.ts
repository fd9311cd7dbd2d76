import type { Realm } from '@keel/shared';

/** Every path the SPA links to, so features and the router agree on them. */
export const paths = {
  home: '/',
  staffSignIn: '/platform/login',
  tenantSignIn: '/login',
  acceptInvite: '/accept-invite',
  resetPassword: '/reset-password',
  platform: '/platform',
  platformOrgs: '/platform/orgs',
  platformOrg: '/platform/orgs/:orgId',
  platformSyncHealth: '/platform/sync-health',
  platformUsage: '/platform/usage',
  platformSessions: '/platform/sessions',
  platformStaff: '/platform/staff',
  platformOutbox: '/platform/outbox',
  platformApiKeys: '/platform/api-keys',
  platformWebhooks: '/platform/webhooks',
  platformWebhook: '/platform/webhooks/:webhookId',
  platformAuditLog: '/platform/audit-log',
  support: '/support',
  supportTenant: '/support/tenants/:orgId',
  supportSessions: '/support/sessions',
  supportSession: '/support/sessions/:sessionId',
  tenantConsole: '/app',
  tenantCloudAccounts: '/app/cloud-accounts',
  tenantBudgets: '/app/budgets',
  tenantAlertRules: '/app/alert-rules',
  tenantMembers: '/app/members',
  tenantSettings: '/app/settings',
  tenantSessions: '/app/sessions',
  tenantSupportAccess: '/app/support-access',
  tenantSupportSession: '/app/support-access/:sessionId',
  tenantAuditLog: '/app/audit-log',
} as const;

/** The drill-down page of one organization in the platform console. */
export function platformOrgPath(orgId: string): string {
  return paths.platformOrg.replace(':orgId', encodeURIComponent(orgId));
}

/** One support session: in the support console for staff, on the Support access page for the org. */
export function supportSessionPath(sessionId: string, where: 'support' | 'tenant'): string {
  return (where === 'support' ? paths.supportSession : paths.tenantSupportSession).replace(':sessionId', encodeURIComponent(sessionId));
}

/** One webhook with its delivery attempts. */
export function platformWebhookPath(webhookId: string): string {
  return paths.platformWebhook.replace(':webhookId', encodeURIComponent(webhookId));
}

/** The support console's detail page of one tenant. */
export function supportTenantPath(orgId: string): string {
  return paths.supportTenant.replace(':orgId', encodeURIComponent(orgId));
}

export function signInPath(realm: Realm): string {
  return realm === 'platform' ? paths.staffSignIn : paths.tenantSignIn;
}

/** The sign-in page that brings the person back to `returnTo` afterwards. */
export function signInPathReturningTo(realm: Realm, returnTo: string): string {
  return `${signInPath(realm)}?${new URLSearchParams({ returnTo })}`;
}

export function resetPasswordPath(realm: Realm): string {
  return `${paths.resetPassword}?realm=${realm}`;
}

/** Which realm's console a path belongs to: staff work under /platform and /support, tenant users under /app. */
export function realmOfConsolePath(path: string): Realm | null {
  if (/^\/(platform|support)(\/|$|\?)/.test(path) && !path.startsWith(paths.staffSignIn)) return 'platform';
  if (/^\/app(\/|$|\?)/.test(path)) return 'tenant';
  return null;
}
