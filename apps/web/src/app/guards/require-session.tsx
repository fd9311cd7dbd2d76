import type { Realm } from '@keel/shared';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/ui/full-page-loader';
import { useSessionState } from '../../lib/auth/session-context';
import { signInPath, signInPathReturningTo } from '../../lib/paths';
import { WrongRealmPage } from '../routes/forbidden-page';
import { SupportSessionEndedPage } from '../routes/support-session-ended-page';

/**
 * The console of one realm: signed-out visitors go to that realm's sign-in page, which brings them
 * back here afterwards (unless they signed out on purpose); people of the other realm get a 403.
 */
export function RequireSession({ realm }: { realm: Realm }) {
  const state = useSessionState();
  const location = useLocation();

  if (state.status === 'restoring') return <FullPageLoader label="Restoring your session" />;
  if (state.status === 'signed-out') {
    if (state.reason === 'support-ended') return <SupportSessionEndedPage />;
    const leftOnPurpose = state.reason === 'signed-out' || state.reason === 'password-changed';
    const target = leftOnPurpose ? signInPath(realm) : signInPathReturningTo(realm, `${location.pathname}${location.search}`);
    return <Navigate to={target} replace />;
  }
  if (state.realm !== realm) return <WrongRealmPage />;
  return <Outlet />;
}
