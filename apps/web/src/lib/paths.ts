import type { Realm } from '@keel/shared';

/** Every path the SPA links to, so features and the router agree on them. */
export const paths = {
  home: '/',
  staffSignIn: '/platform/login',
  tenantSignIn: '/login',
  acceptInvite: '/accept-invite',
  resetPassword: '/reset-password',
  platform: '/platform',
  platformAuditLog: '/platform/audit-log',
  support: '/support',
  tenantConsole: '/app',
  tenantAuditLog: '/app/audit-log',
} as const;

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
