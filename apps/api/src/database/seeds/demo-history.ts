import type { EntityManager } from 'typeorm';
import type { AuditActorType } from '../../modules/audit/audit-entry.entity';
import { insertRows, type BulkColumn } from './bulk-insert';
import type { DemoBudget } from './demo-cloud-data';
import type { DemoOrganization, DemoUser } from './demo-organizations';
import { SeededRandom } from './seed-random';

interface HistoryEntry {
  log: 'platform' | 'org';
  action: string;
  createdAt: Date;
  actorType: AuditActorType;
  actorId: string | null;
  actorEmail: string | null;
  target: { type: string; id: string; name: string } | null;
  orgId: string | null;
  metadata: Record<string, unknown>;
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

const DAY = 86_400_000;
// The default retention of each log (SPEC §7): older entries would be purged at the next retention run.
const ORG_LOG_DAYS = 89;
const PLATFORM_LOG_DAYS = 364;
const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
];
const SUSPENSION_REASONS = ['Invoices unpaid for 60 days', 'Abuse report: outbound spam from a connected account', 'Requested by the customer during a security review'];
const COLUMNS: BulkColumn[] = [
  ['action', 'text'], ['created_at', 'timestamptz'], ['actor_type', 'text'], ['actor_id', 'uuid'], ['actor_email', 'text'], ['target_type', 'text'], ['target_id', 'text'],
  ['target_name', 'text'], ['org_id', 'uuid'], ['metadata', 'jsonb'], ['ip_address', 'text'], ['user_agent', 'text'], ['request_id', 'text'],
];

/**
 * A plausible recent history for the demo organizations, within each log's retention: creation,
 * sign-up and approval, plan changes, suspensions, invitations, sign-ins, connected accounts,
 * budgets and failing syncs. Platform actions name the first super_admin as their actor. The
 * entries are left to the sealer, which links them into the hash chains within seconds.
 */
export async function insertDemoHistory(manager: EntityManager, organizations: DemoOrganization[], budgets: DemoBudget[], now: Date): Promise<number> {
  const [staff]: { id: string; email: string }[] = await manager.query(`SELECT id, email FROM platform_users WHERE role = 'super_admin' AND status <> 'disabled' ORDER BY created_at LIMIT 1`);
  const random = new SeededRandom(7_007);
  const entries: HistoryEntry[] = [];
  const orgLogFrom = now.getTime() - ORG_LOG_DAYS * DAY;
  const platformLogFrom = now.getTime() - PLATFORM_LOG_DAYS * DAY;
  const context = (staffMember: boolean) => ({
    ipAddress: staffMember ? '198.51.100.24' : `203.0.113.${random.integer(2, 254)}`,
    userAgent: random.pick(USER_AGENTS),
    requestId: random.uuid(),
  });

  const byStaff = (organization: DemoOrganization, action: string, orgAction: string, at: Date, metadata: Record<string, unknown>) => {
    if (!staff) return;
    const common = { createdAt: at, actorType: 'platform_user' as const, actorId: staff.id, actorEmail: staff.email, target: { type: 'organization', id: organization.id, name: organization.name }, orgId: organization.id, metadata, ...context(true) };
    if (at.getTime() >= platformLogFrom) entries.push({ log: 'platform', action, ...common });
    if (at.getTime() >= orgLogFrom) entries.push({ log: 'org', action: orgAction, ...common });
  };
  const byUser = (organization: DemoOrganization, user: DemoUser, action: string, at: Date, target: HistoryEntry['target'], metadata: Record<string, unknown> = {}) => {
    if (at.getTime() < orgLogFrom || at > now) return;
    entries.push({ log: 'org', action, createdAt: at, actorType: 'user', actorId: user.id, actorEmail: user.email, target, orgId: organization.id, metadata, ...context(false) });
  };
  const userTarget = (user: DemoUser) => ({ type: 'user', id: user.id, name: user.email });

  for (const organization of organizations) {
    const owner = organization.users[0];
    const managers = organization.users.filter((user) => (user.role === 'owner' || user.role === 'admin') && user.status === 'active');
    if (organization.origin === 'platform') {
      byStaff(organization, 'platform.org_created', 'org.created_by_platform', organization.createdAt, { plan: organization.plan, owner_email: owner.email });
    } else {
      byUser(organization, owner, 'org.signed_up', organization.createdAt, { type: 'organization', id: organization.id, name: organization.name }, { slug: organization.slug });
    }
    if (organization.approvedAt) byStaff(organization, 'platform.org_approved', 'org.approved_by_platform', organization.approvedAt, {});
    if (organization.planChangedAt) byStaff(organization, 'platform.org_plan_changed', 'org.plan_changed_by_platform', organization.planChangedAt, { from: organization.previousPlan, to: organization.plan });
    if (organization.suspendedAt) byStaff(organization, 'platform.org_disabled', 'org.disabled_by_platform', organization.suspendedAt, { reason: random.pick(SUSPENSION_REASONS), sessions_revoked: random.integer(0, 6) });

    for (const user of organization.users.slice(1)) {
      const invitedAt = user.status === 'invited' ? user.createdAt : new Date(user.createdAt.getTime() - random.between(0.1, 2) * DAY);
      byUser(organization, random.pick(managers.length > 0 ? managers : [owner]), 'user.invited', invitedAt, userTarget(user), { role: user.role });
      if (user.status !== 'invited') byUser(organization, user, 'user.invitation_accepted', user.createdAt, userTarget(user));
    }
    for (const user of organization.users) {
      if (user.lastLoginAt) byUser(organization, user, 'user.login', user.lastLoginAt, userTarget(user), { method: 'password' });
    }
    for (const account of organization.accounts) {
      const target = { type: 'cloud_account', id: account.id, name: account.name };
      byUser(organization, random.pick(managers.length > 0 ? managers : [owner]), 'cloud_account.created', account.createdAt, target, { provider: account.provider, external_id: account.externalId });
      if (account.failingSince && account.failingSince.getTime() >= orgLogFrom) {
        entries.push({ log: 'org', action: 'cloud_account.sync_failed', createdAt: account.failingSince, actorType: 'system', actorId: null, actorEmail: null, target, orgId: organization.id, metadata: { trigger: account.lastSyncedAt ? 'scheduled' : 'manual' }, ipAddress: null, userAgent: null, requestId: null });
      }
    }
    for (const budget of budgets.filter((each) => each.orgId === organization.id)) {
      byUser(organization, random.pick(managers.length > 0 ? managers : [owner]), 'budget.created', budget.createdAt, { type: 'budget', id: budget.id, name: budget.name }, { after: { name: budget.name, amount: budget.amount.toFixed(2), period: budget.period } });
    }
  }

  // In time order, so that each log's seq follows created_at as it would have.
  entries.sort((first, second) => first.createdAt.getTime() - second.createdAt.getTime());
  for (const log of ['platform', 'org'] as const) {
    await insertRows(
      manager,
      log === 'platform' ? 'platform_audit_log' : 'audit_log',
      COLUMNS,
      entries
        .filter((entry) => entry.log === log)
        .map((entry) => [
          entry.action, entry.createdAt, entry.actorType, entry.actorId, entry.actorEmail, entry.target?.type ?? null, entry.target?.id ?? null, entry.target?.name ?? null,
          entry.orgId, entry.metadata, entry.ipAddress, entry.userAgent, entry.requestId,
        ]),
    );
  }
  return entries.length;
}
