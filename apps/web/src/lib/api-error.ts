import type { ErrorResponseDto } from '@keel/api-client';

const UNREACHABLE = 'Keel could not be reached. Check your connection and try again.';
const UNEXPECTED = 'Something went wrong. Please try again.';

function isErrorResponse(error: unknown): error is ErrorResponseDto {
  return typeof error === 'object' && error !== null && 'statusCode' in error && 'message' in error;
}

/** The sentence to show a person for an error thrown by the generated client. */
export function apiErrorMessage(error: unknown): string {
  if (isErrorResponse(error)) {
    const message = Array.isArray(error.message) ? error.message.join('. ') : error.message;
    // The API's own messages are written for people; 5xx bodies are not.
    return error.statusCode < 500 && message ? message : UNEXPECTED;
  }
  // fetch rejects with a TypeError when the network or server is down.
  if (error instanceof TypeError) return UNREACHABLE;
  return UNEXPECTED;
}
