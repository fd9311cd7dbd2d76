import type { BudgetDto, CreateBudgetDto, UpdateBudgetDto } from '@keel/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { budgetsResource } from '../api/budgets';
import { AccountScope } from '../components/account-scope';
import { OrgResourcePage, type ResourceForm } from '../components/org-resource/org-resource-page';
import { accountOnCreate, accountOnUpdate } from '../components/org-resource/resource-fields';
import { RowName } from '../components/table-cells';
import { BUDGET_PERIOD_LABELS } from '../utils/labels';

type BudgetValues = { name: string; amount: number | ''; currency: string; period: BudgetDto['period']; account_id: string };

const budgetForm: ResourceForm<BudgetDto, BudgetValues, CreateBudgetDto, UpdateBudgetDto> = {
  fields: [
    { kind: 'text', name: 'name', label: 'Name', maxLength: 200 },
    { kind: 'number', name: 'amount', label: 'Amount', min: 0.01, max: 1e12, decimals: 2, description: 'The most the organization (or the account) should spend per period.' },
    { kind: 'text', name: 'currency', label: 'Currency', maxLength: 3, pattern: { regex: /^[A-Za-z]{3}$/, message: 'Use a three-letter code such as USD' } },
    { kind: 'select', name: 'period', label: 'Period', options: Object.entries(BUDGET_PERIOD_LABELS).map(([value, label]) => ({ value, label })) },
    { kind: 'account', name: 'account_id', label: 'Applies to' },
  ],
  valuesOf: (budget) =>
    budget
      ? { name: budget.name, amount: budget.amount, currency: budget.currency, period: budget.period, account_id: budget.account_id ?? '' }
      : { name: '', amount: '', currency: 'USD', period: 'monthly', account_id: '' },
  toCreateBody: ({ account_id, ...values }) => ({ ...bodyOf(values), ...accountOnCreate(account_id) }),
  toUpdateBody: ({ account_id, ...values }) => ({ ...bodyOf(values), ...accountOnUpdate(account_id) }),
};

function bodyOf(values: Omit<BudgetValues, 'account_id'>) {
  return { name: values.name.trim(), amount: Number(values.amount), currency: values.currency.trim().toUpperCase(), period: values.period };
}

export function BudgetsPage() {
  return (
    <OrgResourcePage
      resource={budgetsResource}
      form={budgetForm}
      title="Budgets"
      description="Spending limits per month, quarter or year, for the whole organization or one cloud account."
      noun="budget"
      columns={[
        { header: 'Name', cell: (budget) => <RowName name={budget.name} /> },
        { header: 'Amount', cell: (budget) => formatMoney(budget.amount, budget.currency) },
        { header: 'Period', cell: (budget) => BUDGET_PERIOD_LABELS[budget.period] },
        { header: 'Applies to', cell: (budget) => <AccountScope accountId={budget.account_id} /> },
        { header: 'Last changed', cell: (budget) => formatDateTime(budget.updated_at) },
      ]}
      empty={{ title: 'No budgets yet', description: 'A budget sets how much the organization, or one cloud account, should spend per period.' }}
      deleteConsequence={() => 'Its limit stops being tracked.'}
    />
  );
}
