import { createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import jwt, { type JwtHeader, type JwtPayload } from 'jsonwebtoken';
import request from 'supertest';
import { UNPREFIXED_ROUTES } from '../src/app.factory';
import { listRouteDeclarations } from '../src/common/routes/route-declarations';
import { createStaff, createTenantUser, signIn, TEST_PASSWORD, uniqueIp } from './support/factories';
import { errorMessage, expectErrorBody } from './support/http-assertions';
import { startTestApp, type TestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MEBIBYTE = 1024 * 1024;
// A public route with a small JSON body: body parsing and validation happen before any business rule.
const JSON_ROUTE = '/api/v1/auth/accept-invite';

describe('operations: request ids, health, metrics, keys, body limits, errors and the API document', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  describe('X-Request-Id', () => {
    it('gives every response a fresh UUID when the client sends none', async () => {
      const responses = [
        await request(test.http).get('/health/live').expect(200),
        await request(test.http).get('/api/v1/platform/auth/me').expect(401),
        await request(test.http).get('/api/v1/no-such-route').expect(404),
        await request(test.http).post(JSON_ROUTE).set('Content-Type', 'application/json').send('{"broken":').expect(400),
      ];
      const ids = responses.map((response) => response.headers['x-request-id']);
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('echoes a sane client X-Request-Id, on success and in error bodies', async () => {
      const ok = await request(test.http).get('/health/live').set('X-Request-Id', 'trace-42.a:b_c').expect(200);
      expect(ok.headers['x-request-id']).toBe('trace-42.a:b_c');
      const failed = await request(test.http).get('/api/v1/platform/users').set('X-Request-Id', 'client-chosen-id');
      expectErrorBody(failed, 401);
      expect(failed.body.request_id).toBe('client-chosen-id');
    });

    it.each([
      ['with spaces and quotes', 'not "sane" at all'],
      ['longer than 128 characters', 'a'.repeat(129)],
    ])('replaces a client X-Request-Id %s with a UUID', async (_case, unsafe) => {
      const response = await request(test.http).get('/api/v1/platform/users').set('X-Request-Id', unsafe);
      expectErrorBody(response, 401);
      expect(response.headers['x-request-id']).toMatch(UUID);
    });
  });

  describe('health and metrics', () => {
    it('answers /health/live with 200', async () => {
      const response = await request(test.http).get('/health/live').expect(200);
      expect(response.body).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with 200 while the database is up', async () => {
      const response = await request(test.http).get('/health/ready').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('serves Prometheus text at /metrics that counts answered requests', async () => {
      await request(test.http).get('/health/ready').expect(200);
      const response = await request(test.http).get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toContain('# TYPE keel_http_requests_total counter');
      expect(response.text).toMatch(/^keel_http_requests_total\{[^}]*method="GET"[^}]*route="\/health\/ready"[^}]*status="200"[^}]*\} [1-9]\d*$/m);
      expect(response.text).toContain('# TYPE keel_http_request_duration_seconds histogram');
    });
  });

  describe('/.well-known/jwks.json', () => {
    it('publishes the ES256 P-256 public key that verifies issued access tokens', async () => {
      const user = await createTenantUser(test);
      const login = await request(test.http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const accessToken: string = login.body.access_token;

      const { body: jwks } = await request(test.http).get('/.well-known/jwks.json').expect(200);
      expect(jwks.keys).toHaveLength(1);
      const [key] = jwks.keys as (JsonWebKey & { kid: string; alg: string; use: string })[];
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String), x: expect.any(String), y: expect.any(String) });
      // Only the public half is published.
      expect(key.d).toBeUndefined();

      const header = jwt.decode(accessToken, { complete: true })!.header as JwtHeader;
      expect(header).toMatchObject({ alg: 'ES256', kid: key.kid });
      const claims = jwt.verify(accessToken, createPublicKey({ key, format: 'jwk' }), { algorithms: ['ES256'], audience: 'tenant', issuer: 'keel' }) as JwtPayload;
      expect(claims).toMatchObject({ sub: user.id, aud: 'tenant', role: 'owner', org_id: user.orgId, sid: expect.any(String) });
      expect(claims.exp! - claims.iat!).toBe(900);
    });

    it('refuses a token signed by another key under the published kid (401)', async () => {
      const staff = await createStaff(test);
      const { accessToken } = await signIn(test, staff);
      const genuine = jwt.decode(accessToken, { complete: true })!;
      const { privateKey: foreignKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const forged = jwt.sign(genuine.payload as JwtPayload, foreignKey, { algorithm: 'ES256', keyid: (genuine.header as JwtHeader).kid });
      await request(test.http).get('/api/v1/platform/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
      expectErrorBody(await request(test.http).get('/api/v1/platform/auth/me').auth(forged, { type: 'bearer' }), 401);
    });
  });

  describe('request bodies', () => {
    const postJson = (raw: string) => request(test.http).post(JSON_ROUTE).set('Content-Type', 'application/json').send(raw);

    it('refuses a body over 1 MiB with 413 in the error shape', async () => {
      const response = await postJson(JSON.stringify({ token: 'x', password: 'p'.repeat(MEBIBYTE) }));
      expectErrorBody(response, 413);
    });

    it('parses a body just under 1 MiB (then validation answers 400, not 413)', async () => {
      const response = await postJson(JSON.stringify({ token: 'x', password: 'p'.repeat(MEBIBYTE - 100) }));
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('password');
    });

    it('refuses malformed JSON with 400 in the error shape', async () => {
      const response = await postJson('{"token": "abc", "password": ');
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toMatch(/json/i);
    });

    it('refuses unknown body fields with 400 naming them', async () => {
      const response = await postJson(JSON.stringify({ token: 'some-token', password: 'long enough password', is_admin: true }));
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('property is_admin should not exist');
    });

    it.each([
      ['a JSON array', '[{"token": "some-token", "password": "long enough password"}]'],
      ['an empty JSON array', '[]'],
      ['a JSON string', '"some-token"'],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
    ])('refuses %s as the body with 400', async (_case, raw) => {
      expectErrorBody(await postJson(raw), 400);
    });

    it('refuses wrongly typed fields with 400', async () => {
      const response = await postJson(JSON.stringify({ token: 123, password: ['long enough password'] }));
      expectErrorBody(response, 400);
      expect(errorMessage(response)).toContain('token');
      expect(errorMessage(response)).toContain('password');
    });
  });

  describe('error shape', () => {
    it('is {statusCode, error, message, request_id} for 400, 401, 403, 404 and 413 alike', async () => {
      const supportToken = (await signIn(test, await createStaff(test, { role: 'support_admin' }))).accessToken;
      const cases: [number, request.Test][] = [
        [400, request(test.http).post(JSON_ROUTE).send({})],
        [401, request(test.http).get('/api/v1/platform/users').auth('not.a.jwt', { type: 'bearer' })],
        [403, request(test.http).get('/api/v1/platform/users').auth(supportToken, { type: 'bearer' })],
        [404, request(test.http).get('/api/v1/no-such-route')],
        [404, request(test.http).delete('/api/v1/platform/users')],
        [413, request(test.http).post(JSON_ROUTE).set('Content-Type', 'application/json').send(`"${'x'.repeat(MEBIBYTE + 1)}"`)],
      ];
      for (const [status, pending] of cases) expectErrorBody(await pending, status);
    });
  });

  describe('OpenAPI document and Swagger UI', () => {
    interface Operation {
      operationId?: string;
      responses?: Record<string, unknown>;
    }
    let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

    beforeAll(async () => {
      document = (await request(test.http).get('/api/docs-json').expect(200)).body;
    });

    const operations = () =>
      Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

    it('is an OpenAPI 3 document', () => {
      expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    });

    it('gives every operation a unique operationId', () => {
      const ids = operations().map(({ operation }) => operation.operationId);
      expect(ids.filter((id) => typeof id !== 'string' || id.length === 0)).toEqual([]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    });

    it('contains every route under /api/v1', () => {
      const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`));
      const served = listRouteDeclarations(test.app)
        // The operational routes (health, metrics, public keys) live outside /api/v1 and the document.
        .filter((route) => !UNPREFIXED_ROUTES.includes(route.path.replace(/^\//, '')))
        .map((route) => `${route.method} /api/v1${route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
      expect(served.length).toBeGreaterThan(10);
      expect(served.filter((route) => !documented.has(route))).toEqual([]);
    });

    it('documents 401 and 403 for every route that needs a token', () => {
      const undocumented = listRouteDeclarations(test.app)
        .filter((route) => route.access !== 'public')
        .map((route) => ({ route, operation: document.paths[`/api/v1${route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`]?.[route.method.toLowerCase()] }))
        .filter(({ operation }) => !operation?.responses?.['401'] || !operation.responses['403'])
        .map(({ route }) => `${route.method} ${route.path}`);
      expect(undocumented).toEqual([]);
    });

    // Validation answers 400 wherever a client sends a body, a query or a path parameter (SPEC §2: every error is in the document).
    it('documents 400 for every operation that takes a body or parameters', () => {
      const undocumented = operations()
        .filter(({ operation }) => (operation as { requestBody?: unknown }).requestBody || ((operation as { parameters?: unknown[] }).parameters ?? []).length > 0)
        .filter(({ operation }) => !operation.responses?.['400'])
        .map(({ method, path, operation }) => `${method.toUpperCase()} ${path} (${operation.operationId})`);
      expect(undocumented).toEqual([]);
    });

    it('describes every documented 4xx answer with the error shape', () => {
      const errorSchema = '#/components/schemas/ErrorResponseDto';
      const mismatched = operations().flatMap(({ method, path, operation }) =>
        Object.entries(operation.responses ?? {})
          .filter(([status]) => status.startsWith('4'))
          .filter(([, response]) => (response as { content?: Record<string, { schema?: { $ref?: string } }> }).content?.['application/json']?.schema?.$ref !== errorSchema)
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      );
      expect(mismatched).toEqual([]);
    });

    it('serves Swagger UI at /api/docs', async () => {
      const response = await request(test.http).get('/api/docs').redirects(1).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('swagger-ui');
    });
  });
});
