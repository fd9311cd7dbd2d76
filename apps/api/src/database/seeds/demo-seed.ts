import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClockService } from '../../common/clock/clock.service';
import type { PasswordService } from '../../modules/auth/password.service';
import { Organization } from '../../modules/orgs/organization.entity';
import { insertRows } from './bulk-insert';
import { insertDemoCloudData } from './demo-cloud-data';
import { insertDemoHistory } from './demo-history';
import { planDemoOrganizations, WELL_KNOWN_SIGN_INS, type DemoLogin, type DemoOrganization } from './demo-organizations';
import { simulatedSyncError } from './seed-cloud-accounts';
import { SeededRandom } from './seed-random';
import { hourlyUsage } from './seed-traffic';

/** Demo mode only: every active demo tenant user signs in with this password. */
export const DEMO_TENANT_PASSWORD = 'keel-demo-password';

export type { DemoLogin } from './demo-organizations';

const logger = new Logger('DemoSeed');

/**
 * Fills an empty database with about 50 organizations and everything around them: users of every
 * role, cloud accounts (some in error) with 90 days of simulated costs, budgets, alert rules,
 * anomaly alerts, recommendations, 8 days of API traffic covering every health class, and some
 * audit history. Does nothing once any organization exists. Returns the well-known sign-ins.
 */
export async function seedDemoData(manager: EntityManager, passwords: PasswordService, clock: ClockService): Promise<DemoLogin[]> {
  if (await manager.getRepository(Organization).exists()) return WELL_KNOWN_SIGN_INS;
  const started = Date.now();
  const now = clock.now();
  const organizations = planDemoOrganizations(now);
  // One hash for every demo user: hashing each would cost a second per user for the same password.
  const passwordHash = await passwords.hash(DEMO_TENANT_PASSWORD);

  await insertOrganizations(manager, organizations);
  await insertUsers(manager, organizations, passwordHash);
  await insertCloudAccounts(manager, organizations, now);
  const cloud = await insertDemoCloudData(manager, organizations, now);
  const usageRows = await insertApiUsage(manager, organizations, now);
  const auditEntries = await insertDemoHistory(manager, organizations, cloud.budgets, now);
  await recountOrganizationCounters(manager, organizations.map((organization) => organization.id));

  const users = organizations.reduce((sum, organization) => sum + organization.users.length, 0);
  const accounts = organizations.reduce((sum, organization) => sum + organization.accounts.length, 0);
  logger.log(
    `Seeded the demo: ${organizations.length} organizations, ${users} users, ${accounts} cloud accounts, ${cloud.costRows} cost rows, ` +
      `${usageRows} hourly API-usage rows, ${auditEntries} audit entries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return WELL_KNOWN_SIGN_INS;
}

async function insertOrganizations(manager: EntityManager, organizations: DemoOrganization[]): Promise<void> {
  await insertRows(
    manager,
    'organizations',
    [['id', 'uuid'], ['name', 'text'], ['slug', 'text'], ['plan', 'text'], ['status', 'text'], ['require_2fa', 'boolean'], ['allow_platform_impersonation', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    organizations.map((organization) => [
      organization.id,
      organization.name,
      organization.slug,
      organization.plan,
      organization.status,
      organization.requireTwoFactor,
      organization.allowPlatformImpersonation,
      organization.createdAt,
      latest(organization.createdAt, organization.approvedAt, organization.planChangedAt, organization.suspendedAt),
    ]),
  );
}

async function insertUsers(manager: EntityManager, organizations: DemoOrganization[], passwordHash: string): Promise<void> {
  await insertRows(
    manager,
    'users',
    [['id', 'uuid'], ['org_id', 'uuid'], ['email', 'text'], ['name', 'text'], ['role', 'text'], ['status', 'text'], ['password_hash', 'text'], ['password_changed_at', 'timestamptz'], ['last_login_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    organizations.flatMap((organization) =>
      organization.users.map((user) => {
        // Invited users have not chosen a password yet.
        const hasPassword = user.status !== 'invited';
        return [user.id, organization.id, user.email, user.name, user.role, user.status, hasPassword ? passwordHash : null, hasPassword ? user.createdAt : null, user.lastLoginAt, user.createdAt, user.lastLoginAt ?? user.createdAt];
      }),
    ),
  );
}

async function insertCloudAccounts(manager: EntityManager, organizations: DemoOrganization[], now: Date): Promise<void> {
  const rows: unknown[][] = [];
  for (const organization of organizations) {
    for (const account of organization.accounts) {
      const syncError = account.status === 'error' ? await simulatedSyncError(account, now) : null;
      const updatedAt = latest(account.createdAt, account.lastSyncedAt, account.failingSince);
      rows.push([account.id, organization.id, account.name, account.provider, account.externalId, account.status, syncError, account.lastSyncedAt, account.createdAt, updatedAt]);
    }
  }
  await insertRows(
    manager,
    'cloud_accounts',
    [['id', 'uuid'], ['org_id', 'uuid'], ['name', 'text'], ['provider', 'text'], ['external_id', 'text'], ['status', 'text'], ['sync_error', 'text'], ['last_synced_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    rows,
  );
}

async function insertApiUsage(manager: EntityManager, organizations: DemoOrganization[], now: Date): Promise<number> {
  const random = new SeededRandom(8_024);
  const rows = organizations.flatMap((organization) =>
    hourlyUsage(organization.traffic, organization.callsPerHour, now, random).map((usage) => [organization.id, usage.hour, usage.calls, usage.errors, usage.clientErrors, usage.lastSeenAt]),
  );
  return insertRows(
    manager,
    'api_usage_hourly',
    [['org_id', 'uuid'], ['hour', 'timestamptz'], ['calls', 'integer'], ['errors', 'integer'], ['client_errors', 'integer'], ['last_seen_at', 'timestamptz']],
    rows,
  );
}

/** Sets the organizations' and accounts' counters from what is in the tables, so that they match exactly. */
export async function recountOrganizationCounters(manager: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, orgIds: string[]): Promise<void> {
  await manager.query(
    `UPDATE cloud_accounts a SET cost_row_count = (SELECT count(*) FROM cost_rows c WHERE c.account_id = a.id) WHERE a.org_id = ANY($1::uuid[])`,
    [orgIds],
  );
  await manager.query(
    `UPDATE organizations o SET
       user_count = (SELECT count(*) FROM users u WHERE u.org_id = o.id),
       account_count = (SELECT count(*) FROM cloud_accounts a WHERE a.org_id = o.id),
       error_count = (SELECT count(*) FROM cloud_accounts a WHERE a.org_id = o.id AND a.status = 'error'),
       cost_row_count = (SELECT count(*) FROM cost_rows c WHERE c.org_id = o.id),
       last_sync_at = (SELECT max(a.last_synced_at) FROM cloud_accounts a WHERE a.org_id = o.id)
     WHERE o.id = ANY($1::uuid[])`,
    [orgIds],
  );
}

function latest(...dates: (Date | null)[]): Date {
  return new Date(Math.max(...dates.filter((date): date is Date => date !== null).map((date) => date.getTime())));
}
