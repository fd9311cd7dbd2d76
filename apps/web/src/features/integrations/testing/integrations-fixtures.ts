import type { ApiKeyDto, WebhookDeliveryDto, WebhookDto } from '@keel/api-client';
import type { ApiAnswer } from '../../../testing/mock-api';

// Data shaped like the integrations API's answers, with defaults a test overrides only where it matters.

let counter = 0;
const nextId = (prefix: string) => `${prefix}-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export function apiKey(overrides: Partial<ApiKeyDto> = {}): ApiKeyDto {
  return {
    id: nextId('aaaaaaaa'),
    name: 'Billing sync',
    role: 'support_admin',
    prefix: 'keel_Ab3dE5g',
    created_at: '2026-11-20T08:00:00.000Z',
    expires_at: null,
    last_used_at: null,
    ...overrides,
  };
}

export function webhook(overrides: Partial<WebhookDto> = {}): WebhookDto {
  return { id: nextId('bbbbbbbb'), url: 'https://hooks.example.com/keel', events: ['org.created'], payload_format: 'keel', created_at: '2026-11-20T08:00:00.000Z', ...overrides };
}

export function delivery(overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto {
  return {
    id: nextId('cccccccc'),
    event_id: 'dddddddd-0000-4000-8000-000000000001',
    event_type: 'org.created',
    attempt: 1,
    status_code: 200,
    error: null,
    attempted_at: '2026-11-30T09:15:00.000Z',
    next_retry_at: null,
    ...overrides,
  };
}

/** A `{ items }` list answer, as every integrations list route gives. */
export function itemsAnswer(items: unknown[]): ApiAnswer {
  return { status: 200, body: { items } };
}
