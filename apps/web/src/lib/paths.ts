import type { Realm } from '@keel/shared';

/** Every path the SPA links to, so features and the router agree on them. */
export const paths = {
  home: '/',
  staffSignIn: '/platform/login',
  tenantSignIn: '/login',
  acceptInvite: '/accept-invite',
  resetPassword: '/reset-password',
} as const;

export function signInPath(realm: Realm): string {
  return realm === 'platform' ? paths.staffSignIn : paths.tenantSignIn;
}

export function resetPasswordPath(realm: Realm): string {
  return `${paths.resetPassword}?realm=${realm}`;
}
