import type { ErrorResponseDto } from '@keel/api-client';

const UNREACHABLE = 'Keel could not be reached. Check your connection and try again.';
const UNEXPECTED = 'Something went wrong. Please try again.';

/**
 * What the generated client throws (or returns as `error`) for an HTTP error: the API's body plus
 * what only the response carries — the status and, on 429, when to try again.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(messageOf(body) ?? `The API answered ${status}`);
    this.name = 'ApiRequestError';
  }
}

function isErrorResponse(error: unknown): error is ErrorResponseDto {
  return typeof error === 'object' && error !== null && 'statusCode' in error && 'message' in error;
}

function messageOf(body: unknown): string | undefined {
  if (!isErrorResponse(body)) return undefined;
  return Array.isArray(body.message) ? body.message.join('. ') : body.message;
}

/** Seconds from a Retry-After header, which holds either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** "in 45 seconds", "in 3 minutes", "in about 2 hours": when a rate limit lifts. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  return `in about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** The HTTP status of an error thrown by the generated client, if it got an answer at all. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof ApiRequestError) return error.status;
  if (isErrorResponse(error)) return error.statusCode;
  return undefined;
}

/** The record a page's address names does not exist: 404, or 400 for an id that is not an id at all. */
export function isNotFound(error: unknown): boolean {
  const status = errorStatus(error);
  return status === 404 || status === 400;
}

/** The sentence to show a person for an error thrown by the generated client. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) {
    // The API's own messages are written for people; 5xx bodies are not.
    if (error.status >= 500) return UNEXPECTED;
    if (error.status === 429 && error.retryAfterSeconds !== undefined) return `${error.message}. You can try again ${describeWait(error.retryAfterSeconds)}.`;
    return error.message;
  }
  if (isErrorResponse(error)) {
    const message = messageOf(error);
    return error.statusCode < 500 && message ? message : UNEXPECTED;
  }
  // fetch rejects with a TypeError when the network or server is down.
  if (error instanceof TypeError) return UNREACHABLE;
  return UNEXPECTED;
}
