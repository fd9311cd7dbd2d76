import { describe, expect, it } from 'vitest';
import { ApiRequestError, apiErrorMessage, describeWait, parseRetryAfter } from './api-error';

describe('apiErrorMessage', () => {
  it('shows the message the API wrote for a 4xx', () => {
    expect(apiErrorMessage({ statusCode: 400, error: 'Bad Request', message: 'This invitation link is invalid', request_id: 'r' })).toBe(
      'This invitation link is invalid',
    );
  });

  it('joins the messages of a validation error', () => {
    expect(apiErrorMessage({ statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'password is too short'], request_id: 'r' })).toBe(
      'email must be an email. password is too short',
    );
  });

  it('hides the details of a server error', () => {
    expect(apiErrorMessage({ statusCode: 500, error: 'Internal Server Error', message: 'relation "users" does not exist', request_id: 'r' })).toBe(
      'Something went wrong. Please try again.',
    );
  });

  it('says the API is unreachable when fetch itself fails', () => {
    expect(apiErrorMessage(new TypeError('fetch failed'))).toBe('Keel could not be reached. Check your connection and try again.');
  });
});

describe('rate limits', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(parseRetryAfter('840', now)).toBe(840);
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('says when to try again in words', () => {
    expect(describeWait(1)).toBe('in 1 second');
    expect(describeWait(45)).toBe('in 45 seconds');
    expect(describeWait(840)).toBe('in 14 minutes');
    expect(describeWait(7_000)).toBe('in about 2 hours');
  });

  it('adds the wait to the API’s message for a 429', () => {
    const error = new ApiRequestError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests', request_id: 'r' }, 30);
    expect(apiErrorMessage(error)).toBe('Too many requests. You can try again in 30 seconds.');
  });
});
