import { revokeApiKey } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiKeyKeys } from './integrations-keys';

/** Revokes a key: the API refuses it from the next request on. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await revokeApiKey({ path: { id }, throwOnError: true });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() }),
  });
}
