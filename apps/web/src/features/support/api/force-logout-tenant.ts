import { forceLogoutTenant, type ForceLogoutResultDto } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Ends every session of every user of the org; their access tokens stop working at once. */
export function useForceLogoutTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (orgId: string): Promise<ForceLogoutResultDto> => (await forceLogoutTenant({ path: { id: orgId }, body: {}, throwOnError: true })).data,
    // What changes (session lists, audit logs) is shown by other parts of the console, which this
    // feature does not reach into: mark every cached query stale, so they all read it afresh.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
