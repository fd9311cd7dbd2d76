import type { CreateWebhookDto } from '@keel/api-client';

export type WebhookEventType = CreateWebhookDto['events'][number];

// A Record, so that an event type the API adds fails the type check here until it is described.
const DESCRIPTIONS: Record<WebhookEventType, string> = {
  'org.created': 'An organization was created, by sign-up or by staff.',
  'org.plan_changed': 'An organization moved to another plan.',
  'org.suspended': 'An organization was suspended: its people can no longer sign in.',
  'org.enabled': 'A suspended organization was enabled again.',
  'org.deleted': 'An organization was deleted.',
  'tenant.health_changed': 'A tenant’s health class changed, e.g. from healthy to critical.',
  'support_session.started': 'Staff started a support session in an organization.',
  'support_session.ended': 'A support session ended, was revoked or expired.',
  'audit.entry': 'Any new entry in the platform or an organization audit log (for a SIEM).',
};

/** Every event a webhook can subscribe to, in the API's order, with what it means. */
export const WEBHOOK_EVENTS = (Object.keys(DESCRIPTIONS) as WebhookEventType[]).map((type) => ({ type, description: DESCRIPTIONS[type] }));
