import type { SignedInUser } from '../../../lib/auth/session';
import { useSessionState } from '../../../lib/auth/session-context';
import { can, type Permission } from '../../../lib/authorization';

/**
 * The signed-in tenant user and what their role allows. The session guard only renders these pages
 * signed in; while a session ends, `user` is briefly undefined and `may` answers no to everything.
 */
export function useTenantUser(): { user: SignedInUser | undefined; may: (permission: Permission) => boolean } {
  const state = useSessionState();
  const user = state.status === 'signed-in' ? state.user : undefined;
  return { user, may: (permission) => !!user && can(user.role, permission) };
}
