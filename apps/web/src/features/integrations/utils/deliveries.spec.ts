import { describe, expect, it } from 'vitest';
import { delivery } from '../testing/integrations-fixtures';
import { hasPendingRetry, isRetryPending, isSuccessfulDelivery } from './deliveries';

const EVENT = 'e1e2e3e4-0000-4000-8000-000000000001';
const OTHER_EVENT = 'e1e2e3e4-0000-4000-8000-000000000002';
const RETRY_AT = '2026-11-30T09:15:10.000Z';

describe('pending retries', () => {
  it('counts a failed attempt with a scheduled retry as pending while it is its event’s newest', () => {
    const failed = delivery({ event_id: EVENT, attempt: 1, status_code: 500, next_retry_at: RETRY_AT });
    expect(isRetryPending(failed, [failed])).toBe(true);
    expect(hasPendingRetry([failed])).toBe(true);
  });

  it('no longer once a later attempt of the same event is listed, whatever its outcome', () => {
    const failed = delivery({ event_id: EVENT, attempt: 1, status_code: 500, next_retry_at: RETRY_AT });
    const retried = delivery({ event_id: EVENT, attempt: 2, status_code: 200 });
    expect(isRetryPending(failed, [retried, failed])).toBe(false);
    expect(hasPendingRetry([retried, failed])).toBe(false);
  });

  it('judges each event on its own attempts', () => {
    const failed = delivery({ event_id: EVENT, attempt: 1, status_code: 500, next_retry_at: RETRY_AT });
    const otherEventsLaterAttempt = delivery({ event_id: OTHER_EVENT, attempt: 3, status_code: 200 });
    expect(hasPendingRetry([otherEventsLaterAttempt, failed])).toBe(true);
  });

  it('has none when the last attempt gave up (no retry scheduled after 24 hours)', () => {
    expect(hasPendingRetry([delivery({ status_code: 500, next_retry_at: null })])).toBe(false);
    expect(hasPendingRetry([])).toBe(false);
  });
});

describe('successful deliveries', () => {
  it('are the 2xx answers only', () => {
    expect(isSuccessfulDelivery(delivery({ status_code: 200 }))).toBe(true);
    expect(isSuccessfulDelivery(delivery({ status_code: 299 }))).toBe(true);
    expect(isSuccessfulDelivery(delivery({ status_code: 301 }))).toBe(false);
    expect(isSuccessfulDelivery(delivery({ status_code: 500 }))).toBe(false);
    expect(isSuccessfulDelivery(delivery({ status_code: null, error: 'connect ECONNREFUSED' }))).toBe(false);
  });
});
