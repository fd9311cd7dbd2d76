import { listMySessions, revokeMySession, type MySessionDto } from '@keel/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mySessionKeys } from './tenant-keys';

/** The signed-in user's active sessions; the API marks the one this request came with as `current`. */
export function useMySessions() {
  return useQuery({
    queryKey: mySessionKeys.all,
    queryFn: async ({ signal }) => (await listMySessions({ signal, throwOnError: true })).data,
  });
}

export function useEndMySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (session: MySessionDto) => {
      await revokeMySession({ path: { id: session.id }, throwOnError: true });
    },
    // After ending the current session nothing can be read any more: the caller signs out instead.
    onSuccess: (_nothing, session) => (session.current ? undefined : queryClient.invalidateQueries({ queryKey: mySessionKeys.all })),
  });
}
