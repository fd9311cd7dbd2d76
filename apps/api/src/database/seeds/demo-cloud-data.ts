import type { EntityManager } from 'typeorm';
import type { CloudProvider } from '../../modules/cloud-accounts/cloud-account.entity';
import type { DailyCost } from '../../modules/cloud-accounts/providers/cloud-cost-provider';
import { insertRows } from './bulk-insert';
import type { DemoAccount, DemoOrganization } from './demo-organizations';
import { simulatedSyncError, simulator, syncWindow } from './seed-cloud-accounts';
import { SeededRandom } from './seed-random';

export interface DemoBudget {
  id: string;
  orgId: string;
  name: string;
  amount: number;
  period: 'monthly' | 'quarterly' | 'yearly';
  createdAt: Date;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const RECOMMENDATIONS: Record<CloudProvider, { kind: string; title: string }[]> = {
  aws: [
    { kind: 'rightsizing', title: 'Rightsize {n} over-provisioned m5.2xlarge instances in us-east-1' },
    { kind: 'savings_plan', title: 'Cover steady EC2 usage with a 1-year Compute Savings Plan' },
    { kind: 'idle_resource', title: 'Delete {n} unattached EBS volumes' },
    { kind: 'storage_tiering', title: 'Move {n} TB of rarely read S3 objects to Glacier Instant Retrieval' },
    { kind: 'idle_resource', title: 'Stop {n} idle RDS instances in eu-west-1' },
  ],
  azure: [
    { kind: 'rightsizing', title: 'Resize {n} underused D8s v5 virtual machines' },
    { kind: 'reserved_capacity', title: 'Reserve 1-year capacity for Azure SQL Database' },
    { kind: 'storage_tiering', title: 'Move {n} TB of cold blobs to the Cool access tier' },
    { kind: 'idle_resource', title: 'Delete {n} unattached managed disks' },
  ],
  gcp: [
    { kind: 'rightsizing', title: 'Apply {n} machine-type recommendations for Compute Engine' },
    { kind: 'committed_use', title: 'Commit to 1-year committed use discounts for Compute Engine' },
    { kind: 'storage_tiering', title: 'Set table expiration on {n} BigQuery staging datasets' },
    { kind: 'idle_resource', title: 'Delete {n} idle persistent disks' },
  ],
};

/**
 * Cost rows from the simulator (the rows a sync would write, so that a manual sync of a demo
 * account changes nothing), the sync jobs that wrote them, anomaly alerts, recommendations,
 * budgets and alert rules.
 */
export async function insertDemoCloudData(manager: EntityManager, organizations: DemoOrganization[], now: Date): Promise<{ costRows: number; budgets: DemoBudget[] }> {
  const random = new SeededRandom(9_090);
  const costsByAccount = new Map<string, DailyCost[]>();
  const costRows: unknown[][] = [];
  const syncJobs: unknown[][] = [];
  for (const organization of organizations) {
    for (const account of organization.accounts) {
      const costs = await accountCosts(account, now);
      costsByAccount.set(account.id, costs);
      for (const cost of costs) costRows.push([organization.id, account.id, account.provider, cost.date, cost.service, cost.amount, cost.currency]);
      syncJobs.push(...(await accountSyncJobs(organization, account, costs.length, now)));
    }
  }
  await insertRows(
    manager,
    'cost_rows',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['provider', 'text'], ['date', 'date'], ['service', 'text'], ['amount', 'numeric'], ['currency', 'text']],
    costRows,
    10_000,
  );
  await insertRows(
    manager,
    'sync_jobs',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['status', 'text'], ['trigger', 'text'], ['rows_written', 'integer'], ['error', 'text'], ['created_at', 'timestamptz'], ['started_at', 'timestamptz'], ['finished_at', 'timestamptz']],
    syncJobs,
  );
  await insertInsights(manager, organizations, costsByAccount, now, random);
  const budgets = await insertBudgetsAndAlertRules(manager, organizations, costsByAccount, now, random);
  return { costRows: costRows.length, budgets };
}

async function accountCosts(account: DemoAccount, now: Date): Promise<DailyCost[]> {
  if (account.status === 'connected') {
    const { from, to } = syncWindow(now);
    return simulator.fetchDailyCosts(account, from, to);
  }
  if (account.status === 'error' && account.lastSyncedAt) {
    // The rows of its last successful sync: the simulator fails for this account's id now, not its costs.
    const { from, to } = syncWindow(account.lastSyncedAt);
    return simulator.fetchDailyCosts({ ...account, externalId: 'before-the-role-was-removed' }, from, to);
  }
  return [];
}

// One scheduled sync a day over the last 30 days: successes up to the last good one, failures since.
async function accountSyncJobs(organization: DemoOrganization, account: DemoAccount, rowsPerSync: number, now: Date): Promise<unknown[][]> {
  const jobs: unknown[][] = [];
  const error = account.status === 'error' ? await simulatedSyncError(account, now) : null;
  const job = (finishedAt: Date, failed: boolean, trigger: 'manual' | 'scheduled') => [
    organization.id,
    account.id,
    failed ? 'failed' : 'succeeded',
    trigger,
    failed ? 0 : rowsPerSync,
    failed ? error : null,
    new Date(finishedAt.getTime() - 90_000),
    new Date(finishedAt.getTime() - 60_000),
    finishedAt,
  ];
  if (account.lastSyncedAt) {
    for (let day = 0; day < 30; day += 1) {
      const finishedAt = new Date(account.lastSyncedAt.getTime() - day * DAY);
      if (finishedAt < account.createdAt) break;
      jobs.push(job(finishedAt, false, 'scheduled'));
    }
  }
  if (account.failingSince) {
    // An account that never worked failed first on the sync its owner started after connecting it.
    for (let day = 0, finishedAt = account.failingSince; finishedAt < now; day += 1, finishedAt = new Date(finishedAt.getTime() + DAY)) {
      if (finishedAt.getTime() > now.getTime() - 30 * DAY) jobs.push(job(finishedAt, true, day === 0 && !account.lastSyncedAt ? 'manual' : 'scheduled'));
    }
  }
  return jobs;
}

async function insertInsights(manager: EntityManager, organizations: DemoOrganization[], costsByAccount: Map<string, DailyCost[]>, now: Date, random: SeededRandom): Promise<void> {
  const anomalies: unknown[][] = [];
  const recommendations: unknown[][] = [];
  for (const organization of organizations) {
    for (const account of organization.accounts) {
      const costs = costsByAccount.get(account.id) ?? [];
      if (costs.length === 0) continue;
      const recent = costs.filter((cost) => cost.date > daysBefore(now, 31));
      if (recent.length === 0) continue;
      for (let count = random.chance(0.45) ? random.integer(1, 2) : 0; count > 0; count -= 1) {
        // The day's real (simulated) cost, against a lower expectation: the detector's view of a spike.
        const cost = random.pick(recent);
        const ratio = random.between(1.4, 3.2);
        const detectedAt = new Date(Date.parse(`${cost.date}T06:00:00Z`) + DAY + random.between(0, 3) * HOUR);
        const daysAgo = (now.getTime() - detectedAt.getTime()) / DAY;
        anomalies.push([
          organization.id,
          account.id,
          detectedAt > now ? now : detectedAt,
          cost.service,
          (cost.amount / ratio).toFixed(4),
          cost.amount.toFixed(4),
          ratio >= 2.4 ? 'high' : ratio >= 1.8 ? 'medium' : 'low',
          daysAgo > 7 && random.chance(0.8) ? 'resolved' : 'open',
        ]);
      }
      const monthly = recent.reduce((sum, cost) => sum + cost.amount, 0);
      for (const template of random.shuffle(RECOMMENDATIONS[account.provider]).slice(0, random.integer(0, 3))) {
        recommendations.push([
          organization.id,
          account.id,
          template.kind,
          template.title.replace('{n}', String(random.integer(2, 14))),
          (monthly * random.between(0.02, 0.12)).toFixed(4),
          random.weighted({ open: 70, dismissed: 15, applied: 15 }),
          new Date(now.getTime() - random.between(1, 45) * DAY),
        ]);
      }
    }
  }
  await insertRows(
    manager,
    'anomaly_alerts',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['detected_at', 'timestamptz'], ['service', 'text'], ['expected_amount', 'numeric'], ['actual_amount', 'numeric'], ['severity', 'text'], ['status', 'text']],
    anomalies,
  );
  await insertRows(
    manager,
    'recommendations',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['estimated_monthly_savings', 'numeric'], ['status', 'text'], ['created_at', 'timestamptz']],
    recommendations,
  );
}

async function insertBudgetsAndAlertRules(manager: EntityManager, organizations: DemoOrganization[], costsByAccount: Map<string, DailyCost[]>, now: Date, random: SeededRandom): Promise<DemoBudget[]> {
  const budgets: (DemoBudget & { accountId: string | null })[] = [];
  const rules: unknown[][] = [];
  for (const organization of organizations) {
    if (organization.status === 'pending' || organization.accounts.length === 0) continue;
    const lifetime = now.getTime() - organization.createdAt.getTime();
    const createdAt = () => new Date(organization.createdAt.getTime() + random.between(0.05, 0.9) * lifetime);
    const spendOver = (days: number, account?: DemoAccount) =>
      (account ? [account] : organization.accounts).reduce((sum, each) => sum + (costsByAccount.get(each.id) ?? []).filter((cost) => cost.date > daysBefore(now, days + 1)).reduce((total, cost) => total + cost.amount, 0), 0);
    // Some budgets sit below the current spend, so that the console has overruns to show.
    const monthly = spendOver(30);
    budgets.push({ id: random.uuid(), orgId: organization.id, accountId: null, name: 'Monthly cloud budget', amount: roundBudget(monthly > 0 ? monthly * random.between(0.85, 1.35) : 1_000), period: 'monthly', createdAt: createdAt() });
    const production = organization.accounts.find((account) => account.name.startsWith('Production') && account.status === 'connected');
    if (production && organization.plan !== 'free') {
      budgets.push({ id: random.uuid(), orgId: organization.id, accountId: production.id, name: `${production.name} quarterly`, amount: roundBudget(spendOver(90, production) * random.between(0.9, 1.3)), period: 'quarterly', createdAt: createdAt() });
    }
    if (organization.plan === 'enterprise') {
      budgets.push({ id: random.uuid(), orgId: organization.id, accountId: null, name: 'Cloud budget (fiscal year)', amount: roundBudget((spendOver(90) * 365) / 90 * random.between(1, 1.25)), period: 'yearly', createdAt: createdAt() });
    }
    const rule = (name: string, metric: string, threshold: number, accountId: string | null = null) => {
      const at = createdAt();
      rules.push([organization.id, accountId, name, metric, threshold.toFixed(2), random.chance(0.9), at, new Date(at.getTime() + random.between(0, 10) * DAY)]);
    };
    rule('Monthly budget 80% used', 'budget_percent', 80);
    if (organization.plan !== 'free') rule('Monthly budget exceeded', 'budget_percent', 100);
    const dailyAverage = monthly / 30;
    if (dailyAverage > 0) rule(`Daily spend above $${Math.round(dailyAverage * 1.5).toLocaleString('en-US')}`, 'daily_cost', Math.round(dailyAverage * 1.5));
    rule('Cost anomalies', 'anomaly', random.pick([15, 20, 25, 30]));
    if (production) rule(`${production.name} over $${Math.round(roundBudget(spendOver(30, production) * 1.2)).toLocaleString('en-US')} a month`, 'monthly_cost', roundBudget(spendOver(30, production) * 1.2), production.id);
  }
  await insertRows(
    manager,
    'budgets',
    [['id', 'uuid'], ['org_id', 'uuid'], ['account_id', 'uuid'], ['name', 'text'], ['amount', 'numeric'], ['currency', 'text'], ['period', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    budgets.map((budget) => [budget.id, budget.orgId, budget.accountId, budget.name, budget.amount.toFixed(2), 'USD', budget.period, budget.createdAt, budget.createdAt]),
  );
  await insertRows(
    manager,
    'alert_rules',
    [['org_id', 'uuid'], ['account_id', 'uuid'], ['name', 'text'], ['metric', 'text'], ['threshold', 'numeric'], ['enabled', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    rules,
  );
  return budgets;
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
}

function roundBudget(amount: number): number {
  const step = amount >= 100_000 ? 5_000 : amount >= 10_000 ? 500 : 100;
  return Math.max(step, Math.round(amount / step) * step);
}
