import { randomUUID } from 'node:crypto';
import { generateSecretSync, generateSync } from './totp';
import type { OrgStatus, PlatformRole, Realm, TenantRole } from '@keel/shared';
import { SecretBoxService } from '../../src/common/crypto/secret-box.service';
import { PasswordService } from '../../src/modules/auth/password.service';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { TokenService } from '../../src/modules/auth/token.service';
import { Organization } from '../../src/modules/orgs/organization.entity';
import { PlatformUser } from '../../src/modules/staff/platform-user.entity';
import { User } from '../../src/modules/users/user.entity';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: string | undefined;

/** A unique e-mail per call, so that test files sharing the database never collide. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** A fresh client IP per call (TRUST_PROXY is on in tests), so that rate limits of one test do not leak into another. */
export function uniqueIp(): string {
  const bytes = randomUUID().replace(/-/g, '');
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

async function hashedTestPassword(test: TestApp): Promise<string> {
  passwordHash ??= await test.app.get(PasswordService).hash(TEST_PASSWORD);
  return passwordHash;
}

export async function createOrganization(test: TestApp, overrides: Partial<Organization> & { status?: OrgStatus } = {}): Promise<Organization> {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  return test.dataSource.getRepository(Organization).save({ name: `Org ${slug}`, slug, plan: 'pro', status: 'active', ...overrides });
}

export interface TestAccount {
  id: string;
  email: string;
  realm: Realm;
  role: string;
  orgId: string | null;
  /** Present when MFA is enabled: generate codes with totpCode(). */
  totpSecret?: string;
}

export async function createStaff(test: TestApp, options: { role?: PlatformRole; mfa?: boolean; status?: 'active' | 'invited' | 'disabled' } = {}): Promise<TestAccount> {
  const totpSecret = options.mfa ? generateSecretSync() : undefined;
  const user = await test.dataSource.getRepository(PlatformUser).save({
    email: uniqueEmail('staff'),
    name: 'Test Staff',
    role: options.role ?? 'super_admin',
    status: options.status ?? 'active',
    passwordHash: await hashedTestPassword(test),
    mfaEnabled: !!totpSecret,
    mfaSecretEncrypted: totpSecret ? test.app.get(SecretBoxService).encrypt(totpSecret) : null,
  });
  return { id: user.id, email: user.email, realm: 'platform', role: user.role, orgId: null, totpSecret };
}

export async function createTenantUser(test: TestApp, options: { orgId?: string; role?: TenantRole; mfa?: boolean } = {}): Promise<TestAccount> {
  const orgId = options.orgId ?? (await createOrganization(test)).id;
  const totpSecret = options.mfa ? generateSecretSync() : undefined;
  const user = await test.dataSource.getRepository(User).save({
    orgId,
    email: uniqueEmail('user'),
    name: 'Test User',
    role: options.role ?? 'owner',
    status: 'active',
    passwordHash: await hashedTestPassword(test),
    mfaEnabled: !!totpSecret,
    mfaSecretEncrypted: totpSecret ? test.app.get(SecretBoxService).encrypt(totpSecret) : null,
  });
  return { id: user.id, email: user.email, realm: 'tenant', role: user.role, orgId, totpSecret };
}

/** A signed-in session without going through login (which has its own tests): returns the bearer token and session id. */
export async function signIn(test: TestApp, account: TestAccount): Promise<{ accessToken: string; sessionId: string; refreshToken: string }> {
  const repository = account.realm === 'platform' ? PlatformUser : User;
  const entity = (await test.dataSource.getRepository(repository).findOneByOrFail({ id: account.id })) as PlatformUser | User;
  const { session, refreshToken } = await test.app.get(SessionsService).create(account.realm, entity, { ipAddress: '127.0.0.1', userAgent: 'jest', requestId: 'test' }, { mfaVerified: true });
  const accessToken = test.app.get(TokenService).signAccessToken({ realm: account.realm, sub: account.id, sid: session.id, role: account.role, orgId: account.orgId });
  return { accessToken, sessionId: session.id, refreshToken };
}

/** The current TOTP code of a secret at the test app's clock. */
export function totpCode(test: TestApp, secret: string): string {
  return generateSync({ secret, epoch: test.clock.nowSeconds() });
}
