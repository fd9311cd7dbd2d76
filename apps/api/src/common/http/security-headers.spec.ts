import express from 'express';
import request from 'supertest';
import type { AppConfig, RunMode } from '../../config/app-config';
import { securityHeaders } from './security-headers';

// The headers depend on the run mode alone.
function headersOf(mode: RunMode) {
  const server = express();
  server.use(...securityHeaders({ mode } as AppConfig));
  server.get('/', (_request, response) => response.send('ok'));
  return request(server).get('/').expect(200);
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string): Record<string, string[]> {
  return Object.fromEntries(header.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('securityHeaders', () => {
  it('sends a CSP that runs scripts from this origin only and lets nobody frame the console', async () => {
    const response = await headersOf('demo');
    const policy = directives(response.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:']);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(response.headers['content-security-policy']).not.toMatch(/unsafe-eval|https:|\*/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.headers['permissions-policy']).toContain('geolocation=()');
  });

  it('sends HSTS in production only (demo mode serves plain http)', async () => {
    const production = await headersOf('production');
    expect(production.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const demo = await headersOf('demo');
    expect(demo.headers['strict-transport-security']).toBeUndefined();
  });
});
