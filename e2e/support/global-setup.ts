import { request, type FullConfig } from '@playwright/test';
import { adminTokenVariable, bootstrapAdmin } from './environment';
import { TestAuthenticator } from './totp';

/**
 * Signs the bootstrap super_admin in once for the whole run. Staff must enroll TOTP (the API runs
 * with STAFF_REQUIRE_2FA=true, as in production), so this enrolls it; the access token then reaches
 * every worker through the environment and outlives the run (15 minutes).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const api = await request.newContext({ baseURL: config.projects[0].use.baseURL });
  const login = await api.post('/api/v1/platform/auth/login', { data: bootstrapAdmin });
  const { mfa_token: mfaToken } = (await login.json()) as { mfa_token?: string };
  if (!mfaToken) throw new Error(`The bootstrap admin should have to enroll TOTP first: ${login.status()} ${await login.text()}`);
  const enrollment = await api.post('/api/v1/platform/auth/mfa/enroll', { data: { mfa_token: mfaToken } });
  const { secret } = (await enrollment.json()) as { secret: string };
  const verify = await api.post('/api/v1/platform/auth/mfa/verify', { data: { mfa_token: mfaToken, code: await new TestAuthenticator(secret).nextCode() } });
  if (!verify.ok()) throw new Error(`The bootstrap admin could not enroll TOTP: ${verify.status()} ${await verify.text()}`);
  process.env[adminTokenVariable] = ((await verify.json()) as { access_token: string }).access_token;
  await api.dispose();
}
