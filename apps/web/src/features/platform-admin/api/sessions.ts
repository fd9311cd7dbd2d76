import { listActiveSessions, revokeSession } from '@keel/api-client';
import { useQuery } from '@tanstack/react-query';
import { platformKeys } from './platform-keys';
import { usePlatformMutation } from './platform-mutation';

/** Active tenant sessions, newest first (the API answers at most 100). */
export function useActiveSessions() {
  return useQuery({
    queryKey: platformKeys.sessions(),
    queryFn: async ({ signal }) => (await listActiveSessions({ signal, throwOnError: true })).data,
  });
}

export function useRevokeSession() {
  return usePlatformMutation(async (sessionId: string) => {
    await revokeSession({ path: { id: sessionId }, throwOnError: true });
  });
}
