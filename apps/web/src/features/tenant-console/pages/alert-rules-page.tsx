import type { AlertRuleDto, CreateAlertRuleDto, UpdateAlertRuleDto } from '@keel/api-client';
import { formatMoney, formatPercent } from '../../../lib/format';
import { alertRulesResource } from '../api/alert-rules';
import { AccountScope } from '../components/account-scope';
import { OrgResourcePage, type ResourceForm } from '../components/org-resource/org-resource-page';
import { accountOnCreate, accountOnUpdate } from '../components/org-resource/resource-fields';
import { RowName, StatusBadge } from '../components/table-cells';
import { ALERT_METRIC_LABELS, isCostMetric } from '../utils/labels';

type AlertRuleValues = { name: string; metric: AlertRuleDto['metric']; threshold: number | ''; enabled: boolean; account_id: string };

const alertRuleForm: ResourceForm<AlertRuleDto, AlertRuleValues, CreateAlertRuleDto, UpdateAlertRuleDto> = {
  fields: [
    { kind: 'text', name: 'name', label: 'Name', maxLength: 200 },
    { kind: 'select', name: 'metric', label: 'Metric', options: Object.entries(ALERT_METRIC_LABELS).map(([value, label]) => ({ value, label })) },
    {
      kind: 'number',
      name: 'threshold',
      label: 'Threshold',
      min: 0,
      max: 1e12,
      decimals: 2,
      description: (values) => (isCostMetric(values.metric) ? 'An amount in USD: the rule notifies above it.' : 'A percentage, e.g. 80 for 80%: the rule notifies above it.'),
    },
    { kind: 'switch', name: 'enabled', label: 'Enabled', description: 'A disabled rule never notifies.' },
    { kind: 'account', name: 'account_id', label: 'Watches' },
  ],
  valuesOf: (rule) =>
    rule
      ? { name: rule.name, metric: rule.metric, threshold: rule.threshold, enabled: rule.enabled, account_id: rule.account_id ?? '' }
      : { name: '', metric: 'daily_cost', threshold: '', enabled: true, account_id: '' },
  toCreateBody: ({ account_id, ...values }) => ({ ...bodyOf(values), ...accountOnCreate(account_id) }),
  toUpdateBody: ({ account_id, ...values }) => ({ ...bodyOf(values), ...accountOnUpdate(account_id) }),
};

function bodyOf(values: Omit<AlertRuleValues, 'account_id'>) {
  return { name: values.name.trim(), metric: values.metric, threshold: Number(values.threshold), enabled: values.enabled };
}

function formatThreshold(rule: AlertRuleDto): string {
  return isCostMetric(rule.metric) ? formatMoney(rule.threshold) : formatPercent(rule.threshold);
}

export function AlertRulesPage() {
  return (
    <OrgResourcePage
      resource={alertRulesResource}
      form={alertRuleForm}
      title="Alert rules"
      description="Notifications when daily or monthly costs, budget use or a cost anomaly cross a threshold."
      noun="alert rule"
      columns={[
        { header: 'Name', cell: (rule) => <RowName name={rule.name} /> },
        { header: 'Metric', cell: (rule) => ALERT_METRIC_LABELS[rule.metric] },
        { header: 'Threshold', cell: formatThreshold },
        {
          header: 'State',
          cell: (rule) => (
            <StatusBadge color={rule.enabled ? 'teal.9' : 'gray.7'}>{rule.enabled ? 'Enabled' : 'Disabled'}</StatusBadge>
          ),
        },
        { header: 'Watches', cell: (rule) => <AccountScope accountId={rule.account_id} /> },
      ]}
      empty={{ title: 'No alert rules yet', description: 'An alert rule notifies the organization when a cost metric crosses its threshold.' }}
      deleteConsequence={() => 'It stops notifying.'}
    />
  );
}
