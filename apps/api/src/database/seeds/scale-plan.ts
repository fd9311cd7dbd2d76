import type { OrgPlan, OrgStatus } from '@keel/shared';
import type { CloudProvider } from '../../modules/cloud-accounts/cloud-account.entity';
import { accountNameFor, accountPurposes, COST_HISTORY_DAYS, externalIdFor, shiftDate, SIMULATED_SERVICES, simulatedCostScale, syncWindow } from './seed-cloud-accounts';
import { COMPANY_KINDS, COMPANY_WORDS, slugify } from './seed-names';
import { SeededRandom } from './seed-random';
import type { TrafficProfile } from './seed-traffic';

// Tenants act far more than staff: most audit entries are in the org logs.
export const SCALES = {
  large: { organizations: 10_000, users: 1_000_000, costRows: 10_000_000, platformAuditEntries: 2_000_000, orgAuditEntries: 8_000_000 },
  // A tenth of large: for trying the seed out, or a quicker benchmark.
  medium: { organizations: 1_000, users: 100_000, costRows: 1_000_000, platformAuditEntries: 200_000, orgAuditEntries: 800_000 },
} as const;
export type ScaleName = keyof typeof SCALES;
export type ScaleSize = (typeof SCALES)[ScaleName];

export interface ScaleOrganization {
  /** 1-based position: the scale seed's key for an org, from which user ids are derived. */
  number: number;
  id: string;
  name: string;
  slug: string;
  plan: OrgPlan;
  status: OrgStatus;
  createdAt: Date;
  requireTwoFactor: boolean;
  allowPlatformImpersonation: boolean;
  userCount: number;
  /** Global number of its first user, minus one. */
  userOffset: number;
  orgAuditEntries: number;
  /** Its monthly budget and first alert rule (every org past sign-up has them): targets of org log entries. */
  budgetId: string;
  alertRuleId: string;
  traffic: TrafficProfile;
  callsPerHour: number;
  accounts: ScaleAccount[];
}

export interface ScaleAccount {
  id: string;
  name: string;
  provider: CloudProvider;
  externalId: string;
  status: 'connected' | 'error' | 'pending';
  createdAt: Date;
  lastSyncedAt: Date | null;
  /** Days of cost rows, ending on `lastCostDate`. */
  costDays: number;
  lastCostDate: string;
  /** The simulator's cost scale of this account. */
  costScale: number;
}

export interface ScalePlan {
  anchor: Date;
  organizations: ScaleOrganization[];
  staff: { id: string; name: string; email: string; role: 'super_admin' | 'support_admin' }[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const STAFF_MEMBERS = 24;

/**
 * The whole large data set, decided up front and reproducibly: ids come from a seeded generator
 * (never from the clock), times are offsets from `anchor`, the moment of the first run. Counts
 * are exact: users, cost rows and audit entries add up to the requested totals.
 */
export function planScale(size: ScaleSize, anchor: Date): ScalePlan {
  const random = new SeededRandom(31_337 + size.organizations);
  const at = (daysAgo: number) => new Date(anchor.getTime() - daysAgo * DAY);
  const { to: yesterday } = syncWindow(anchor);
  const lastSync = new Date(anchor.getTime() - (anchor.getTime() % (6 * HOUR)));
  const organizations: ScaleOrganization[] = [];
  const userWeights: number[] = [];

  for (let number = 1; number <= size.organizations; number += 1) {
    const status: OrgStatus = random.weighted({ active: 965, pending: 20, suspended: 15 });
    const plan: OrgPlan = status === 'pending' ? 'free' : random.weighted({ free: 55, pro: 33, enterprise: 12 });
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)} ${number}`;
    const ageDays = status === 'pending' ? random.between(0.2, 10) : 1 + 1_094 * random.next() ** 1.7;
    const createdAt = at(ageDays);
    const traffic: TrafficProfile =
      status === 'active' ? random.weighted({ healthy: 800, warning_errors: 30, warning_drop: 30, critical_errors: 20, critical_silent: 20, quiet: 100 }) : 'none';
    const typical = { free: [2, 20], pro: [20, 150], enterprise: [100, 600] }[plan];
    const organization: ScaleOrganization = {
      number,
      id: random.uuid(),
      name,
      slug: slugify(name),
      plan,
      status,
      createdAt,
      requireTwoFactor: plan === 'enterprise' && random.chance(0.15),
      allowPlatformImpersonation: random.chance(0.93),
      userCount: 0,
      userOffset: 0,
      orgAuditEntries: 0,
      budgetId: random.uuid(),
      alertRuleId: random.uuid(),
      traffic,
      callsPerHour: Math.max(random.integer(typical[0], typical[1]), traffic === 'healthy' || traffic === 'quiet' ? 0 : 30),
      accounts: [],
    };
    // Heavy-tailed org sizes: most orgs are small, a few enterprise orgs have thousands of users.
    userWeights.push(status === 'pending' ? 0 : { free: random.between(1, 7), pro: random.between(10, 120), enterprise: 80 * Math.exp(random.between(0, 3.4)) }[plan]);
    const accountCount = status === 'pending' ? 0 : { free: random.integer(1, 3), pro: random.integer(2, 5), enterprise: random.integer(4, 10) }[plan];
    for (const purpose of accountPurposes(accountCount, random)) {
      const provider = random.weighted<CloudProvider>({ aws: 50, azure: 25, gcp: 25 });
      const accountStatus = random.weighted({ connected: 93, error: 5, pending: 2 });
      const account: ScaleAccount = {
        id: random.uuid(),
        name: accountNameFor(provider, purpose),
        provider,
        externalId: externalIdFor(provider, purpose, organization.slug, random, accountStatus === 'error'),
        status: accountStatus,
        createdAt: new Date(createdAt.getTime() + random.between(0, 0.3) * (anchor.getTime() - createdAt.getTime())),
        lastSyncedAt: new Date(lastSync.getTime() + random.integer(60, 600) * 1000),
        costDays: COST_HISTORY_DAYS,
        lastCostDate: yesterday,
        costScale: 0,
      };
      account.costScale = simulatedCostScale(account.id);
      if (account.lastSyncedAt! > anchor) account.lastSyncedAt = new Date(account.lastSyncedAt!.getTime() - 6 * HOUR);
      if (accountStatus === 'pending') {
        account.createdAt = new Date(anchor.getTime() - random.between(5, 120) * 60_000);
        account.lastSyncedAt = null;
        account.costDays = 0;
      } else if (accountStatus === 'error') {
        const brokenDaysAgo = random.chance(0.5) ? 0 : random.integer(2, 20);
        if (brokenDaysAgo === 0) {
          // Never worked: the role was wrong from the start.
          account.createdAt = at(random.between(0.5, 10));
          account.lastSyncedAt = null;
          account.costDays = 0;
        } else {
          account.lastSyncedAt = new Date(account.lastSyncedAt!.getTime() - brokenDaysAgo * DAY);
          account.lastCostDate = shiftDate(yesterday, -brokenDaysAgo);
        }
      }
      organization.accounts.push(account);
    }
    organizations.push(organization);
  }

  assignUsers(organizations, userWeights, size.users);
  trimCostRows(organizations, size.costRows);
  assignOrgAuditEntries(organizations, size.orgAuditEntries);
  const staff = Array.from({ length: STAFF_MEMBERS }, (_, index) => {
    const first = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie'][index % 8];
    const last = ['Reyes', 'Okoye', 'Lindqvist', 'Moreau', 'Hartmann', 'Kaur'][index % 6];
    return { id: random.uuid(), name: `${first} ${last}`, email: `${first}.${last}.${index + 1}@staff.keel.example`.toLowerCase(), role: index < 4 ? ('super_admin' as const) : ('support_admin' as const) };
  });
  return { anchor, organizations, staff };
}

function assignUsers(organizations: ScaleOrganization[], weights: number[], total: number): void {
  const pending = organizations.filter((organization) => organization.status === 'pending').length;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let assigned = 0;
  for (const [index, organization] of organizations.entries()) {
    organization.userCount = organization.status === 'pending' ? 1 : Math.max(1, Math.floor((weights[index] / weightSum) * (total - pending)));
    assigned += organization.userCount;
  }
  // Hand out what rounding left over, one user at a time, to the orgs with the most users.
  const bySize = organizations.filter((organization) => organization.status !== 'pending').sort((first, second) => second.userCount - first.userCount);
  for (let index = 0; assigned !== total; index = (index + 1) % bySize.length) {
    const step = assigned < total ? 1 : -1;
    if (bySize[index].userCount + step < 1) continue;
    bySize[index].userCount += step;
    assigned += step;
  }
  let offset = 0;
  for (const organization of organizations) {
    organization.userOffset = offset;
    offset += organization.userCount;
  }
}

/**
 * Shortens the history of enough connected accounts (they were connected recently) that the cost
 * rows add up to exactly `total`; the last cut solves 4a + 5b = rest over a 4-service and a 5-service account.
 */
function trimCostRows(organizations: ScaleOrganization[], total: number): void {
  const accounts = organizations.flatMap((organization) => organization.accounts);
  const services = (account: ScaleAccount) => SIMULATED_SERVICES[account.provider].length;
  let excess = accounts.reduce((sum, account) => sum + account.costDays * services(account), 0) - total;
  if (excess < 0) throw new Error(`The plan has ${-excess} cost rows too few; give organizations more accounts`);
  const candidates = accounts.filter((account) => account.status === 'connected').reverse();
  // The billing history of these accounts starts later: the cloud accounts themselves are new.
  const cut = (account: ScaleAccount, days: number) => {
    account.costDays -= days;
    excess -= days * services(account);
  };
  let next = 0;
  for (; excess > 60 && next < candidates.length; next += 1) {
    const account = candidates[next];
    cut(account, Math.min(account.costDays - 10, Math.floor((excess - 40) / services(account))));
  }
  const four = candidates.slice(next).find((account) => services(account) === 4);
  const five = candidates.slice(next).find((account) => services(account) === 5);
  if (!four || !five) throw new Error('No accounts left to make the cost rows exact');
  for (let fives = 0; fives * 5 <= excess; fives += 1) {
    if ((excess - fives * 5) % 4 === 0) {
      const fours = (excess - fives * 5) / 4;
      cut(five, fives);
      cut(four, fours);
      break;
    }
  }
  if (excess !== 0) throw new Error(`Could not make the cost rows exact (${excess} left)`);
}

// Bigger orgs have busier logs; a pending org has one entry, its sign-up.
function assignOrgAuditEntries(organizations: ScaleOrganization[], total: number): void {
  const weights = organizations.map((organization) => (organization.status === 'pending' ? 0 : 4 + organization.userCount ** 0.7));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const pending = organizations.filter((organization) => organization.status === 'pending').length;
  let assigned = 0;
  for (const [index, organization] of organizations.entries()) {
    organization.orgAuditEntries = organization.status === 'pending' ? 1 : Math.max(1, Math.floor((weights[index] / weightSum) * (total - pending)));
    assigned += organization.orgAuditEntries;
  }
  for (let index = 0; assigned < total; index = (index + 1) % organizations.length) {
    if (organizations[index].status === 'pending') continue;
    organizations[index].orgAuditEntries += 1;
    assigned += 1;
  }
}
