import { vi } from 'vitest';

type RecordedRequest = { method: string; path: string; body: unknown; credentials: RequestCredentials };

/**
 * Replaces `fetch` with one that answers every call with `status` and `body`, and records what the
 * generated client sent: tests exercise the real client and stop only at the network.
 */
export function mockFetch(status: number, body: unknown) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: Request) => {
    const text = await input.text();
    requests.push({
      method: input.method,
      path: new URL(input.url).pathname,
      body: text ? JSON.parse(text) : undefined,
      credentials: input.credentials,
    });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests };
}

/** A body shaped like every error of the API (SPEC §2). */
export function apiError(statusCode: number, message: string) {
  const error = statusCode === 400 ? 'Bad Request' : statusCode === 429 ? 'Too Many Requests' : 'Error';
  return { statusCode, error, message, request_id: 'test-request' };
}
