import { vi } from 'vitest';

export type ApiRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | null;
  csrf: string | null;
};

export type ApiAnswer = { status: number; body?: unknown; headers?: Record<string, string> };
type Route = ApiAnswer | ((request: ApiRequest) => ApiAnswer | Promise<ApiAnswer>);

/**
 * Replaces `fetch` with a small fake of the API: `routes` maps "METHOD /path" to an answer (or a
 * function of the request). Every request is recorded; one without a route fails the test loudly.
 * Tests run the real generated client, session and React Query: only the network is fake.
 */
export function mockApi(routes: Record<string, Route>) {
  const requests: ApiRequest[] = [];
  const fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const text = await input.text();
    const request: ApiRequest = {
      method: input.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
      authorization: input.headers.get('Authorization'),
      csrf: input.headers.get('X-Keel-CSRF'),
    };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    if (!route) throw new Error(`No mocked answer for ${request.method} ${request.path}`);
    const answer = typeof route === 'function' ? await route(request) : route;
    const isText = typeof answer.body === 'string';
    return new Response(answer.body === undefined ? null : isText ? (answer.body as string) : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': isText ? 'text/plain' : 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    /** The recorded requests to one route, e.g. `to('GET /api/v1/platform/audit-log')`. */
    to: (route: string) => requests.filter((request) => `${request.method} ${request.path}` === route),
  };
}

/** Answers in turn, repeating the last one: e.g. a 401, then a 200. */
export function inTurn(...answers: ApiAnswer[]): (request: ApiRequest) => ApiAnswer {
  let calls = 0;
  return () => answers[Math.min(calls++, answers.length - 1)];
}

/** A body shaped like every error of the API (SPEC §2). */
export function errorAnswer(status: number, message: string, headers?: Record<string, string>): ApiAnswer {
  return { status, body: { statusCode: status, error: 'Error', message, request_id: 'test-request' }, headers };
}
