import { Outlet } from 'react-router';
import { useSessionState } from '../../lib/auth/session-context';
import { can, type Permission } from '../../lib/authorization';
import { ForbiddenContent } from '../routes/forbidden-page';

/** A part of the console that only some roles open; everyone else gets the 403 page, inside the shell. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const state = useSessionState();
  if (state.status !== 'signed-in' || !can(state.user.role, permission)) return <ForbiddenContent />;
  return <Outlet />;
}
