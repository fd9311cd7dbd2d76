import { listWebhooks, type WebhookDto } from '@keel/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { webhookKeys } from './integrations-keys';

export function webhooksOptions() {
  return queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: async ({ signal }): Promise<WebhookDto[]> => (await listWebhooks({ signal, throwOnError: true })).data.items,
  });
}

/** Every webhook, newest first; the API has no single-webhook read, so the webhook page finds its own here too. */
export function useWebhooks() {
  return useQuery(webhooksOptions());
}
