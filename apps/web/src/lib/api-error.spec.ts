import { describe, expect, it } from 'vitest';
import { apiErrorMessage } from './api-error';

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
