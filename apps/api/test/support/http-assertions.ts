import type { Response } from 'supertest';
import { STATUS_CODES } from 'node:http';

/** Every error answer is `{statusCode, error, message, request_id}` with request_id equal to the X-Request-Id header (SPEC §2). */
export function expectErrorBody(response: Response, statusCode: number): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status: statusCode,
    body: {
      statusCode,
      error: STATUS_CODES[statusCode],
      message: expect.anything(),
      request_id: response.headers['x-request-id'],
    },
  });
  const message: unknown = response.body.message;
  expect(typeof message === 'string' ? message.length : Array.isArray(message) ? message.length : 0).toBeGreaterThan(0);
  expect(response.headers['x-request-id']).toEqual(expect.any(String));
}

/** The message(s) of an error answer as one string, for `toContain`. */
export function errorMessage(response: Response): string {
  const message: unknown = response.body.message;
  return Array.isArray(message) ? message.join('\n') : String(message);
}
