import { deleteWebhook } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookKeys } from './integrations-keys';

/** Stops sending events to a webhook, retries included. */
export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await deleteWebhook({ path: { id }, throwOnError: true });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all() }),
  });
}
