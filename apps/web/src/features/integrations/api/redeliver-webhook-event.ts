import { redeliverWebhookEvent } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookKeys } from './integrations-keys';

type Redelivery = { webhookId: string; eventId: string };

/** "Send again": queues one more attempt at an event; the attempt shows in the deliveries once made. */
export function useRedeliverWebhookEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ webhookId, eventId }: Redelivery): Promise<void> => {
      await redeliverWebhookEvent({ path: { id: webhookId, eventId }, body: {}, throwOnError: true });
    },
    onSuccess: (_answer, { webhookId }) => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}
