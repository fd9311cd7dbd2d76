import { revokeSupportSession } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supportSessionKeys } from './support-session-keys';
import type { SupportSession } from './support-session-types';

/** Ends a support session now: its token stops working at once. */
export function useRevokeSupportSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string): Promise<SupportSession> =>
      (await revokeSupportSession({ path: { id }, body: reason ? { reason } : {}, throwOnError: true })).data as SupportSession,
    // The session's page, the lists and their counts all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportSessionKeys.all }),
  });
}
