import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { alertRule, API, cloudAccount, listOf, ok } from '../testing/tenant-fixtures';

const LIST = `GET ${API}/alert-rules`;
const production = cloudAccount({ name: 'Production' });
const dailySpike = alertRule({ name: 'Daily spike', metric: 'daily_cost', threshold: 300 });
const budgetWatch = alertRule({ name: 'Budget 80%', metric: 'budget_percent', threshold: 80, enabled: false, account_id: production.id });

function rulesApi(routes: Record<string, ApiAnswer> = {}, role: 'operator' | 'viewer' = 'operator') {
  return mockApi({
    ...restoredSession('tenant', tenantUser(role)),
    [LIST]: listOf([dailySpike, budgetWatch]),
    [`GET ${API}/cloud-accounts`]: listOf([production]),
    ...routes,
  });
}

const rowOf = async (name: string) => within(await screen.findByRole('table', { name: 'Alert rules' })).getByRole('row', { name: new RegExp(name) });

describe('alert rules', () => {
  it('shows a cost threshold as money and a percentage threshold as a percentage', async () => {
    rulesApi();
    renderRoute('/app/alert-rules');

    expect(await rowOf('Daily spike')).toHaveTextContent(/Daily cost.*\$300\.00.*Enabled.*Whole organization/);
    expect(await rowOf('Budget 80%')).toHaveTextContent(/Budget used.*80%.*Disabled/);
  });

  it('creates a disabled percentage rule, explaining the unit of the threshold', async () => {
    const CREATE = `POST ${API}/alert-rules`;
    const api = rulesApi({ [CREATE]: ok(alertRule({ name: 'Anomalies' }), 201) });
    const { user } = renderRoute('/app/alert-rules');
    await rowOf('Daily spike');

    await user.click(screen.getByRole('button', { name: 'New alert rule' }));
    const dialog = await screen.findByRole('dialog', { name: 'New alert rule' });
    expect(within(dialog).getByText('An amount in USD: the rule notifies above it.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Anomalies');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Metric' }), 'Anomaly deviation');
    expect(within(dialog).getByText('A percentage, e.g. 80 for 80%: the rule notifies above it.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Threshold' }), '25');
    await user.click(within(dialog).getByRole('switch', { name: /^Enabled/ }));
    await user.click(within(dialog).getByRole('button', { name: 'New alert rule' }));

    expect(await screen.findByText('Alert rule created')).toBeInTheDocument();
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Anomalies', metric: 'anomaly', threshold: 25, enabled: false });
  });

  it('edits a rule: enables it and changes its threshold', async () => {
    const UPDATE = `PATCH ${API}/alert-rules/${budgetWatch.id}`;
    const api = rulesApi({ [UPDATE]: ok({ ...budgetWatch, enabled: true, threshold: 90 }) });
    const { user } = renderRoute('/app/alert-rules');

    await user.click(within(await rowOf('Budget 80%')).getByRole('button', { name: 'Edit Budget 80%' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Budget 80%' });
    await user.clear(within(dialog).getByRole('textbox', { name: 'Threshold' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Threshold' }), '90');
    await user.click(within(dialog).getByRole('switch', { name: /^Enabled/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Alert rule saved')).toBeInTheDocument();
    expect(api.to(UPDATE)[0].body).toEqual({ name: 'Budget 80%', metric: 'budget_percent', threshold: 90, enabled: true, account_id: production.id });
  });

  it('deletes a rule after confirmation', async () => {
    const DELETE = `DELETE ${API}/alert-rules/${dailySpike.id}`;
    const api = rulesApi({ [DELETE]: { status: 204 } });
    const { user } = renderRoute('/app/alert-rules');

    await user.click(within(await rowOf('Daily spike')).getByRole('button', { name: 'Delete Daily spike' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete alert rule' })).getByRole('button', { name: 'Delete alert rule' }));

    expect(await screen.findByText('Alert rule deleted')).toBeInTheDocument();
    expect(api.to(DELETE)).toHaveLength(1);
  });

  it('gives a viewer no buttons that change rules', async () => {
    rulesApi({}, 'viewer');
    renderRoute('/app/alert-rules');

    await rowOf('Daily spike');
    expect(screen.queryByRole('button', { name: /New alert rule|Edit|Delete/ })).not.toBeInTheDocument();
  });
});
