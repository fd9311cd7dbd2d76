import { listWebhookDeliveries, type WebhookDeliveryDto } from '@keel/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { hasPendingRetry } from '../utils/deliveries';
import { webhookKeys } from './integrations-keys';

// Retries start after WEBHOOK_RETRY_BASE_SECONDS (10 s by default): a few seconds shows each one soon after it happens.
const REFRESH_MILLISECONDS = 3_000;

export function webhookDeliveriesOptions(webhookId: string) {
  return queryOptions({
    queryKey: webhookKeys.deliveries(webhookId),
    queryFn: async ({ signal }): Promise<WebhookDeliveryDto[]> => (await listWebhookDeliveries({ path: { id: webhookId }, signal, throwOnError: true })).data.items,
  });
}

/**
 * The webhook's latest delivery attempts, newest first. Refreshes itself while a retry is due, and
 * until `watchUntil` (a time in milliseconds: after "Send again"), then stops.
 */
export function useWebhookDeliveries(webhookId: string, { watchUntil }: { watchUntil: number }) {
  return useQuery({
    ...webhookDeliveriesOptions(webhookId),
    // Judged after every fetch, so it stops by itself once the retries are over.
    refetchInterval: (query) => (Date.now() < watchUntil || hasPendingRetry(query.state.data ?? []) ? REFRESH_MILLISECONDS : false),
  });
}
