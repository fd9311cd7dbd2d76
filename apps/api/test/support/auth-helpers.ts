import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request, { type Response } from 'supertest';
import type { Realm } from '@keel/shared';
import { PlatformUser } from '../../src/modules/staff/platform-user.entity';
import { User } from '../../src/modules/users/user.entity';
import { createStaff, createTenantUser, TEST_PASSWORD, uniqueIp, type TestAccount } from './factories';
import type { TestApp } from './test-app';

// SPEC §3 literals, spelled out rather than imported from the code, so that renaming a constant cannot quietly change the contract.
export const REFRESH_COOKIE_NAME = 'keel_refresh';
export const CSRF_HEADER_NAME = 'X-Keel-CSRF';
export const PASSWORD_MINIMUM_LENGTH = 12;
export const REFRESH_GRACE_MILLISECONDS = 10_000;
export const ACCESS_TOKEN_LIFETIME_MILLISECONDS = 15 * 60_000;
export const FAILURE_WINDOW_MILLISECONDS = 15 * 60_000;

/** A password that is not the account's, but long enough to pass validation. */
export const WRONG_PASSWORD = 'definitely not the right password';

export const REALMS: readonly Realm[] = ['platform', 'tenant'];

/** `/api/v1/platform/auth/<route>` for staff, `/api/v1/auth/<route>` for tenant users. */
export function authPath(realm: Realm, route: string): string {
  return `${realm === 'platform' ? '/api/v1/platform/auth' : '/api/v1/auth'}/${route}`;
}

/** An active account of the realm with TEST_PASSWORD and no TOTP (a tenant user in a fresh active org). */
export function createAccount(test: TestApp, realm: Realm): Promise<TestAccount> {
  return realm === 'platform' ? createStaff(test) : createTenantUser(test);
}

export async function disableAccount(test: TestApp, account: TestAccount): Promise<void> {
  await test.dataSource.getRepository(account.realm === 'platform' ? PlatformUser : User).update({ id: account.id }, { status: 'disabled' });
}

/** POST …/login from a client IP of its own unless one is given. */
export function postLogin(test: TestApp, realm: Realm, body: { email: string; password: string; cookie?: boolean }, ip = uniqueIp()) {
  return request(test.http).post(authPath(realm, 'login')).set('X-Forwarded-For', ip).send(body);
}

/**
 * Signs in through the real login route and returns the token pair.
 * Needs an account without TOTP and, for staff, an app started with STAFF_REQUIRE_2FA=false.
 */
export async function loginForTokens(test: TestApp, account: TestAccount, password = TEST_PASSWORD): Promise<{ access_token: string; refresh_token: string }> {
  const response = await postLogin(test, account.realm, { email: account.email, password });
  if (response.status !== 200 || !response.body.access_token) throw new Error(`Login did not hand out tokens: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function getMe(test: TestApp, realm: Realm, accessToken: string) {
  return request(test.http).get(authPath(realm, 'me')).auth(accessToken, { type: 'bearer' });
}

export function postRefresh(test: TestApp, realm: Realm, refreshToken: string) {
  return request(test.http).post(authPath(realm, 'refresh')).send({ refresh_token: refreshToken });
}

export interface SetCookie {
  value: string;
  /** Attribute names in lower case (`httponly`, `secure`, …) mapped to their value ('' when bare). */
  attributes: Record<string, string>;
}

/** The `keel_refresh` Set-Cookie of a response, parsed; undefined when the response sets none. */
export function refreshCookieOf(response: Response): SetCookie | undefined {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const line = lines.find((candidate) => candidate.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!line) return undefined;
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const attributes: Record<string, string> = {};
  for (const attribute of rest) {
    const [name, ...value] = attribute.split('=');
    attributes[name.toLowerCase()] = value.join('=');
  }
  return { value: decodeURIComponent(pair.slice(REFRESH_COOKIE_NAME.length + 1)), attributes };
}

/** The Cookie request header that a browser would send back for the refresh cookie. */
export function refreshCookieHeader(value: string): string {
  return `${REFRESH_COOKIE_NAME}=${encodeURIComponent(value)}`;
}

/** The JOSE header of a token, without verifying it. */
export function tokenHeader(token: string): { alg: string; kid?: string } {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
}

/** The claims of a token, without verifying it. */
export function tokenClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** The same claims and key id as a real token, signed with an EC P-256 key that Keel never issued. */
export function forgeWithForeignKey(realToken: string, changes: Record<string, unknown> = {}): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const header = tokenHeader(realToken);
  return jwt.sign({ ...tokenClaims(realToken), ...changes }, privateKey, { algorithm: 'ES256', ...(header.kid ? { keyid: header.kid } : {}) });
}

/** A real token's claims with changes, signed with Keel's own key: what only a bug could accept when the claims are wrong. */
export function resignWithKeelsKey(test: TestApp, realToken: string, changes: Record<string, unknown>): string {
  return jwt.sign({ ...tokenClaims(realToken), ...changes }, test.config.jwtPrivateKeyPem, { algorithm: 'ES256', keyid: tokenHeader(realToken).kid });
}

/** The same claims and key id as a real token, with `alg: none` and no signature. */
export function unsignedCopy(realToken: string): string {
  const header = { ...tokenHeader(realToken), alg: 'none', typ: 'JWT' };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode(tokenClaims(realToken))}.`;
}

/** The claims of a real token (with `changes`; an undefined value drops the claim), signed by `privateKeyPem` under `kid` (none when undefined). */
export function resignedCopy(realToken: string, privateKeyPem: string, options: { kid: string | undefined; changes?: Record<string, unknown> }): string {
  const claims = JSON.parse(JSON.stringify({ ...tokenClaims(realToken), ...options.changes }));
  return jwt.sign(claims, privateKeyPem, { algorithm: 'ES256', ...(options.kid ? { keyid: options.kid } : {}) });
}

/** The "algorithm confusion" forgery: the real claims and key id, signed HS256 with `secret` (such as the published public key). */
export function hmacSignedCopy(realToken: string, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT', kid: tokenHeader(realToken).kid })}.${encode(tokenClaims(realToken))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
