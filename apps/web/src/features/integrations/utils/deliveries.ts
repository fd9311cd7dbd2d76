import type { WebhookDeliveryDto } from '@keel/api-client';

/**
 * Whether this attempt's retry is still to come: its event's newest attempt failed with a retry
 * scheduled. An older attempt keeps its `next_retry_at` after the retry happened.
 */
export function isRetryPending(delivery: WebhookDeliveryDto, deliveries: WebhookDeliveryDto[]): boolean {
  if (delivery.next_retry_at === null) return false;
  return !deliveries.some((other) => other.event_id === delivery.event_id && other.attempt > delivery.attempt);
}

export function hasPendingRetry(deliveries: WebhookDeliveryDto[]): boolean {
  return deliveries.some((delivery) => isRetryPending(delivery, deliveries));
}

/** A receiver's 2xx; anything else (or no answer at all) is a failed attempt. */
export function isSuccessfulDelivery(delivery: WebhookDeliveryDto): boolean {
  return delivery.status_code !== null && delivery.status_code >= 200 && delivery.status_code < 300;
}
