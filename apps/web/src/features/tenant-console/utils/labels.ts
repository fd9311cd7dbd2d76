import type { AlertRuleDto, BudgetDto, CloudAccountDto } from '@keel/api-client';

export type CloudProvider = CloudAccountDto['provider'];

export const PROVIDER_LABELS: Record<CloudProvider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** One colour per provider, the same in every chart and badge. */
export const PROVIDER_COLORS: Record<CloudProvider, string> = { aws: 'orange.7', azure: 'blue.7', gcp: 'teal.7' };

export const PROVIDERS = Object.keys(PROVIDER_LABELS) as CloudProvider[];

export const BUDGET_PERIOD_LABELS: Record<BudgetDto['period'], string> = { monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' };

export const ALERT_METRIC_LABELS: Record<AlertRuleDto['metric'], string> = {
  daily_cost: 'Daily cost',
  monthly_cost: 'Monthly cost',
  budget_percent: 'Budget used',
  anomaly: 'Anomaly deviation',
};

/** Whether a metric's threshold is an amount of money; the others are percentages. */
export function isCostMetric(metric: AlertRuleDto['metric']): boolean {
  return metric === 'daily_cost' || metric === 'monthly_cost';
}
