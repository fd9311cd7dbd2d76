import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { Session, SessionState } from './session';

const SessionContext = createContext<Session | null>(null);

/** Makes the session available to the tree and restores it from the refresh cookie on page load. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    void session.restore();
  }, [session]);

  useEffect(() => {
    // Nothing cached for one person may be shown to the next one who signs in in this tab.
    let previous = session.getState();
    return session.subscribe(() => {
      const next = session.getState();
      if (next.status === 'signed-in' && previous.status !== 'signed-in') queryClient.clear();
      previous = next;
    });
  }, [session, queryClient]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider>');
  return session;
}

export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}
