import type { OrgPlan, OrgStatus, TenantRole } from '@keel/shared';
import type { CloudProvider } from '../../modules/cloud-accounts/cloud-account.entity';
import type { AccountStatus } from '../../modules/auth/account-columns';
import { accountNameFor, accountPurposes, externalIdFor } from './seed-cloud-accounts';
import { COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, slugify } from './seed-names';
import { SeededRandom } from './seed-random';
import type { TrafficProfile } from './seed-traffic';

export interface DemoLogin {
  email: string;
  role: TenantRole;
  organization: string;
}

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: TenantRole;
  status: AccountStatus;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface DemoAccount {
  id: string;
  name: string;
  provider: CloudProvider;
  externalId: string;
  status: 'connected' | 'error' | 'pending';
  createdAt: Date;
  /** The last successful sync: cost rows cover the 90 days before it. */
  lastSyncedAt: Date | null;
  /** When syncs started to fail (accounts in error). */
  failingSince: Date | null;
}

export interface DemoOrganization {
  id: string;
  name: string;
  slug: string;
  plan: OrgPlan;
  status: OrgStatus;
  createdAt: Date;
  /** Created by staff, or by self sign-up (then approved unless still pending). */
  origin: 'platform' | 'signup';
  approvedAt: Date | null;
  suspendedAt: Date | null;
  planChangedAt: Date | null;
  previousPlan: OrgPlan | null;
  requireTwoFactor: boolean;
  allowPlatformImpersonation: boolean;
  traffic: TrafficProfile;
  callsPerHour: number;
  users: DemoUser[];
  accounts: DemoAccount[];
}

interface WellKnownOrganization {
  name: string;
  slug: string;
  plan: OrgPlan;
  status: OrgStatus;
  origin: 'platform' | 'signup';
  ageDays: number;
  traffic: TrafficProfile;
  callsPerHour: number;
  users: { name: string; email: string; role: TenantRole }[];
  extraUsers: number;
  accounts: { purpose: string; provider: CloudProvider; status: DemoAccount['status'] }[];
}

// The sign-ins the README, the banner and the browser tests rely on: keep their e-mails, names and roles.
const WELL_KNOWN: WellKnownOrganization[] = [
  {
    name: 'Acme Corp',
    slug: 'acme',
    plan: 'enterprise',
    status: 'active',
    origin: 'platform',
    ageDays: 420,
    traffic: 'healthy',
    callsPerHour: 240,
    users: [
      { name: 'Olivia Owner', email: 'owner@acme.example', role: 'owner' },
      { name: 'Adam Admin', email: 'admin@acme.example', role: 'admin' },
      { name: 'Oscar Operator', email: 'operator@acme.example', role: 'operator' },
      { name: 'Vera Viewer', email: 'viewer@acme.example', role: 'viewer' },
    ],
    extraUsers: 14,
    accounts: [
      { purpose: 'Production', provider: 'aws', status: 'connected' },
      { purpose: 'Staging', provider: 'aws', status: 'connected' },
      { purpose: 'Data platform', provider: 'gcp', status: 'connected' },
      { purpose: 'Shared services', provider: 'azure', status: 'connected' },
      { purpose: 'Sandbox', provider: 'aws', status: 'error' },
    ],
  },
  {
    name: 'Globex',
    slug: 'globex',
    plan: 'pro',
    status: 'active',
    origin: 'signup',
    ageDays: 230,
    traffic: 'healthy',
    callsPerHour: 70,
    users: [{ name: 'Grace Globex', email: 'owner@globex.example', role: 'owner' }],
    extraUsers: 6,
    accounts: [
      { purpose: 'Production', provider: 'gcp', status: 'connected' },
      { purpose: 'Staging', provider: 'gcp', status: 'connected' },
    ],
  },
  {
    name: 'Initech',
    slug: 'initech',
    plan: 'free',
    status: 'pending',
    origin: 'signup',
    ageDays: 2,
    traffic: 'none',
    callsPerHour: 0,
    users: [{ name: 'Ian Initech', email: 'owner@initech.example', role: 'owner' }],
    extraUsers: 0,
    accounts: [],
  },
];

/** The sign-ins printed at start: the well-known users of the active well-known organizations. */
export const WELL_KNOWN_SIGN_INS: DemoLogin[] = WELL_KNOWN.filter((organization) => organization.status === 'active').flatMap((organization) =>
  organization.users.map((user) => ({ email: user.email, role: user.role, organization: organization.name })),
);

const GENERATED_ORGANIZATIONS = 47;
// How the generated active orgs' traffic is spread over the health classes (the rest are healthy).
const UNHEALTHY_PROFILES: TrafficProfile[] = [
  'critical_errors', 'critical_errors', 'critical_errors',
  'critical_silent', 'critical_silent',
  'warning_errors', 'warning_errors',
  'warning_drop', 'warning_drop',
  'quiet', 'quiet', 'quiet', 'quiet',
];
const GENERATED_STATUSES: OrgStatus[] = ['pending', 'pending', 'suspended', 'suspended'];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The demo organizations: Acme, Globex and Initech (the well-known sign-ins), plus 47 generated
 * companies across plans and statuses. Deterministic: the same names, users and shapes on every
 * run; only the times move with `now`.
 */
export function planDemoOrganizations(now: Date): DemoOrganization[] {
  const random = new SeededRandom(20_260_101);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const organizations: DemoOrganization[] = [];

  for (const known of WELL_KNOWN) {
    const organization = baseOrganization(random, known.name, known.slug, known.plan, known.status, known.origin, at(known.ageDays), now);
    organization.traffic = known.traffic;
    organization.callsPerHour = known.callsPerHour;
    organization.users = known.users.map((user, index) => ({
      id: random.uuid(),
      ...user,
      status: 'active',
      createdAt: new Date(organization.createdAt.getTime() + index * 3 * HOUR),
      lastLoginAt: known.status === 'active' ? new Date(now.getTime() - random.between(2, 96) * HOUR) : null,
    }));
    organization.users.push(...generatedUsers(random, organization, known.extraUsers, now));
    organization.accounts = known.accounts.map((account) => plannedAccount(random, organization, account.purpose, account.provider, account.status, now));
    organizations.push(organization);
  }

  const statuses = random.shuffle([...GENERATED_STATUSES, ...Array<OrgStatus>(GENERATED_ORGANIZATIONS - GENERATED_STATUSES.length).fill('active')]);
  const profiles = random.shuffle([...UNHEALTHY_PROFILES, ...Array<TrafficProfile>(statuses.filter((status) => status === 'active').length - UNHEALTHY_PROFILES.length).fill('healthy')]);
  const words = random.shuffle(COMPANY_WORDS).slice(0, GENERATED_ORGANIZATIONS);
  for (const [index, word] of words.entries()) {
    const status = statuses[index];
    const name = `${word} ${random.pick(COMPANY_KINDS)}`;
    const plan: OrgPlan = status === 'pending' ? 'free' : random.weighted({ free: 45, pro: 38, enterprise: 17 });
    const ageDays = status === 'pending' ? random.between(0.2, 6) : random.between(20, 900);
    const origin = status === 'pending' || random.chance(0.55) ? 'signup' : 'platform';
    const organization = baseOrganization(random, name, slugify(name), plan, status, origin, at(ageDays), now);
    if (status === 'suspended') organization.suspendedAt = at(random.between(12, 40));
    if (status === 'active') {
      organization.traffic = profiles.pop()!;
      const typical = { free: [4, 20], pro: [25, 120], enterprise: [120, 500] }[plan];
      // Warnings and outages need a clear baseline; quiet orgs make a few calls a day whatever their plan.
      organization.callsPerHour = Math.max(random.integer(typical[0], typical[1]), organization.traffic === 'healthy' ? 0 : 30);
    }
    const userCount = status === 'pending' ? 1 : { free: random.integer(1, 4), pro: random.integer(4, 14), enterprise: random.integer(12, 35) }[plan];
    const [first, last] = [random.pick(FIRST_NAMES), random.pick(LAST_NAMES)];
    organization.users = [
      {
        id: random.uuid(),
        name: `${first} ${last}`,
        email: `${first}.${last}@${organization.slug}.example`.toLowerCase(),
        role: 'owner',
        status: 'active',
        createdAt: organization.createdAt,
        lastLoginAt: status === 'active' ? new Date(now.getTime() - random.between(1, 240) * HOUR) : null,
      },
      ...generatedUsers(random, organization, userCount - 1, now),
    ];
    const accountCount = status === 'pending' ? 0 : { free: random.integer(1, 2), pro: random.integer(2, 4), enterprise: random.integer(3, 6) }[plan];
    organization.accounts = accountPurposes(accountCount, random).map((purpose) =>
      plannedAccount(random, organization, purpose, random.weighted({ aws: 50, azure: 25, gcp: 25 }), random.weighted({ connected: 88, error: 8, pending: 4 }), now),
    );
    organizations.push(organization);
  }
  return organizations;
}

function baseOrganization(random: SeededRandom, name: string, slug: string, plan: OrgPlan, status: OrgStatus, origin: 'platform' | 'signup', createdAt: Date, now: Date): DemoOrganization {
  const approvedAt = origin === 'signup' && status !== 'pending' ? new Date(createdAt.getTime() + random.between(1, 30) * HOUR) : null;
  const planChanged = status === 'active' && plan !== 'free' && random.chance(0.25);
  return {
    id: random.uuid(),
    name,
    slug,
    plan,
    status,
    createdAt,
    origin,
    approvedAt,
    suspendedAt: null,
    planChangedAt: planChanged ? new Date(createdAt.getTime() + random.between(0.3, 0.9) * (now.getTime() - createdAt.getTime())) : null,
    previousPlan: planChanged ? (plan === 'enterprise' ? 'pro' : 'free') : null,
    requireTwoFactor: plan === 'enterprise' && slug !== 'acme' && random.chance(0.3),
    allowPlatformImpersonation: slug === 'acme' || random.chance(0.9),
    traffic: 'none',
    callsPerHour: 0,
    users: [],
    accounts: [],
  };
}

function generatedUsers(random: SeededRandom, organization: DemoOrganization, count: number, now: Date): DemoUser[] {
  const taken = new Set(organization.users.map((user) => user.email));
  const users: DemoUser[] = [];
  const lifetime = now.getTime() - organization.createdAt.getTime();
  for (let index = 0; index < count; index += 1) {
    const [first, last] = [random.pick(FIRST_NAMES), random.pick(LAST_NAMES)];
    let email = `${first}.${last}@${organization.slug}.example`.toLowerCase();
    for (let suffix = 2; taken.has(email); suffix += 1) email = `${first}.${last}${suffix}@${organization.slug}.example`.toLowerCase();
    taken.add(email);
    // Every org gets at least one admin; the rest are mostly operators and viewers.
    const role: TenantRole = index === 0 && !organization.users.some((user) => user.role === 'admin') ? 'admin' : random.weighted({ admin: 10, operator: 35, viewer: 55 });
    const status: AccountStatus = organization.status === 'pending' ? 'active' : random.weighted({ active: 86, invited: 10, disabled: 4 });
    const createdAt = status === 'invited' ? new Date(now.getTime() - random.between(0.5, 12) * DAY) : new Date(organization.createdAt.getTime() + random.between(0.01, 0.95) * lifetime);
    const active = status === 'active' && organization.status === 'active';
    users.push({
      id: random.uuid(),
      name: `${first} ${last}`,
      email,
      role,
      status,
      createdAt,
      lastLoginAt: active && random.chance(0.85) ? new Date(Math.max(createdAt.getTime(), now.getTime() - random.between(0.05, 20) ** 1.3 * DAY)) : null,
    });
  }
  return users;
}

function plannedAccount(random: SeededRandom, organization: DemoOrganization, purpose: string, provider: CloudProvider, status: DemoAccount['status'], now: Date): DemoAccount {
  const lifetime = now.getTime() - organization.createdAt.getTime();
  // Syncs run every 6 hours; the last one finished a few minutes after the latest boundary.
  const lastScheduledSync = new Date(now.getTime() - (now.getTime() % (6 * HOUR)) + random.between(2, 9) * 60_000);
  const lastSync = lastScheduledSync > now ? new Date(lastScheduledSync.getTime() - 6 * HOUR) : lastScheduledSync;
  let createdAt = new Date(organization.createdAt.getTime() + random.between(0.01, 0.6) * lifetime);
  let lastSyncedAt: Date | null = lastSync;
  let failingSince: Date | null = null;
  if (status === 'pending') {
    createdAt = new Date(now.getTime() - random.between(5, 50) * 60_000);
    lastSyncedAt = null;
  }
  if (status === 'error') {
    // Half never worked (wrong role from the start), half worked until the customer's permissions changed.
    if (random.chance(0.5)) {
      createdAt = new Date(now.getTime() - random.between(1, 10) * DAY);
      lastSyncedAt = null;
      failingSince = new Date(createdAt.getTime() + 2 * 60_000);
    } else {
      lastSyncedAt = new Date(lastSync.getTime() - random.integer(2, 20) * DAY);
      failingSince = new Date(lastSyncedAt.getTime() + 6 * HOUR);
    }
  }
  return {
    id: random.uuid(),
    name: accountNameFor(provider, purpose),
    provider,
    externalId: externalIdFor(provider, purpose, organization.slug, random, status === 'error'),
    status,
    createdAt: createdAt > now ? now : createdAt,
    lastSyncedAt,
    failingSince,
  };
}
