import type { EntityManager } from 'typeorm';
import type { OrgPlan, OrgStatus, TenantRole } from '@keel/shared';
import type { ClockService } from '../../common/clock/clock.service';
import type { PasswordService } from '../../modules/auth/password.service';
import { Organization } from '../../modules/orgs/organization.entity';
import { User } from '../../modules/users/user.entity';

/** Demo mode only: every demo tenant user signs in with this password. */
export const DEMO_TENANT_PASSWORD = 'keel-demo-password';

export interface DemoLogin {
  email: string;
  role: TenantRole;
  organization: string;
}

const DEMO_ORGANIZATIONS: { name: string; slug: string; plan: OrgPlan; status: OrgStatus; users: { name: string; email: string; role: TenantRole }[] }[] = [
  {
    name: 'Acme Corp',
    slug: 'acme',
    plan: 'enterprise',
    status: 'active',
    users: [
      { name: 'Olivia Owner', email: 'owner@acme.example', role: 'owner' },
      { name: 'Adam Admin', email: 'admin@acme.example', role: 'admin' },
      { name: 'Oscar Operator', email: 'operator@acme.example', role: 'operator' },
      { name: 'Vera Viewer', email: 'viewer@acme.example', role: 'viewer' },
    ],
  },
  {
    name: 'Globex',
    slug: 'globex',
    plan: 'pro',
    status: 'active',
    users: [{ name: 'Grace Globex', email: 'owner@globex.example', role: 'owner' }],
  },
  {
    name: 'Initech',
    slug: 'initech',
    plan: 'free',
    status: 'pending',
    users: [{ name: 'Ian Initech', email: 'owner@initech.example', role: 'owner' }],
  },
];

/** Fills an empty database with a few organizations and users; does nothing once any organization exists. */
export async function seedDemoData(manager: EntityManager, passwords: PasswordService, clock: ClockService): Promise<DemoLogin[]> {
  const logins = DEMO_ORGANIZATIONS.filter((organization) => organization.status === 'active').flatMap((organization) =>
    organization.users.map((user) => ({ email: user.email, role: user.role, organization: organization.name })),
  );
  if (await manager.getRepository(Organization).exists()) return logins;
  const passwordHash = await passwords.hash(DEMO_TENANT_PASSWORD);
  const now = clock.now();
  for (const definition of DEMO_ORGANIZATIONS) {
    const organization = await manager.getRepository(Organization).save({ name: definition.name, slug: definition.slug, plan: definition.plan, status: definition.status, createdAt: now, updatedAt: now });
    await manager.getRepository(User).insert(
      definition.users.map((user) => ({ ...user, orgId: organization.id, status: 'active' as const, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now })),
    );
  }
  return logins;
}
