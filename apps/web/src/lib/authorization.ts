import type { PlatformRole, Realm, TenantRole } from '@keel/shared';
import { paths } from './paths';

export type Role = PlatformRole | TenantRole;

/** Who may open which part of the console (SPEC §1, §9). The API enforces the same; this only shapes the UI. */
export const PERMISSIONS = {
  platform: ['super_admin'],
  support: ['super_admin', 'support_admin'],
  orgAuditLog: ['owner', 'admin'],
  orgMembers: ['owner', 'admin'],
  orgSettings: ['owner', 'admin'],
  /** The org's view of platform support sessions on it (SPEC §7: nothing staff do is invisible). */
  orgSupportAccess: ['owner', 'admin'],
  /** Changing cloud accounts, budgets and alert rules; viewers only read them. */
  orgResources: ['owner', 'admin', 'operator'],
  /** Owner-only settings (impersonation toggle, required 2FA) and ownership transfer. */
  orgOwnership: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  support_admin: 'Support admin',
  owner: 'Owner',
  admin: 'Admin',
  operator: 'Operator',
  viewer: 'Viewer',
};

/** Where a person lands after signing in: the first part of the console their role opens. */
export function consoleHomePath(realm: Realm, role: Role): string {
  if (realm === 'tenant') return paths.tenantConsole;
  return can(role, 'platform') ? paths.platform : paths.support;
}
