import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { API, budget, cloudAccount, listOf, ok } from '../testing/tenant-fixtures';

const LIST = `GET ${API}/budgets`;
const CREATE = `POST ${API}/budgets`;
const production = cloudAccount({ name: 'Production' });
const orgWide = budget({ name: 'Cloud spend', amount: 5000, period: 'monthly' });
const perAccount = budget({ name: 'Production cap', amount: 1250.5, currency: 'EUR', period: 'quarterly', account_id: production.id });

function budgetsApi(routes: Record<string, ApiAnswer> = {}, role: 'admin' | 'viewer' = 'admin') {
  return mockApi({
    ...restoredSession('tenant', tenantUser(role)),
    [LIST]: listOf([orgWide, perAccount]),
    [`GET ${API}/cloud-accounts`]: listOf([production]),
    ...routes,
  });
}

const rowOf = async (name: string) => within(await screen.findByRole('table', { name: 'Budgets' })).getByRole('row', { name: new RegExp(name) });

describe('budgets', () => {
  it('lists each budget with its amount, period and what it applies to', async () => {
    budgetsApi();
    renderRoute('/app/budgets');

    expect(await rowOf('Cloud spend')).toHaveTextContent(/\$5,000\.00.*Monthly.*Whole organization/);
    const capped = await rowOf('Production cap');
    expect(capped).toHaveTextContent(/€1,250\.50.*Quarterly/);
    expect(await within(capped).findByText('Production')).toBeInTheDocument();
  });

  it('creates a budget for one cloud account', async () => {
    const api = budgetsApi({ [CREATE]: ok(budget({ name: 'Prod monthly' }), 201) });
    const { user } = renderRoute('/app/budgets');
    await rowOf('Cloud spend');

    await user.click(screen.getByRole('button', { name: 'New budget' }));
    const dialog = await screen.findByRole('dialog', { name: 'New budget' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), ' Prod monthly ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '2500.75');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Period' }), 'Yearly');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Applies to' }), await within(dialog).findByRole('option', { name: 'Production' }));
    await user.click(within(dialog).getByRole('button', { name: 'New budget' }));

    expect(await screen.findByText('Budget created')).toBeInTheDocument();
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Prod monthly', amount: 2500.75, currency: 'USD', period: 'yearly', account_id: production.id });
  });

  it('leaves the account out of a budget for the whole organization, and checks the amount first', async () => {
    const api = budgetsApi({ [CREATE]: ok(budget(), 201) });
    const { user } = renderRoute('/app/budgets');
    await rowOf('Cloud spend');
    await user.click(screen.getByRole('button', { name: 'New budget' }));
    const dialog = await screen.findByRole('dialog', { name: 'New budget' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Everything');
    await user.click(within(dialog).getByRole('button', { name: 'New budget' }));
    expect(within(dialog).getByText('Enter the amount')).toBeInTheDocument();
    expect(api.to(CREATE)).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '100');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Currency' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Currency' }), 'eur');
    await user.click(within(dialog).getByRole('button', { name: 'New budget' }));

    await vi.waitFor(() => expect(api.to(CREATE)).toHaveLength(1));
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Everything', amount: 100, currency: 'EUR', period: 'monthly' });
  });

  it('moves a budget back to the whole organization with account_id null', async () => {
    const UPDATE = `PATCH ${API}/budgets/${perAccount.id}`;
    const api = budgetsApi({ [UPDATE]: ok({ ...perAccount, account_id: null }) });
    const { user } = renderRoute('/app/budgets');

    await user.click(within(await rowOf('Production cap')).getByRole('button', { name: 'Edit Production cap' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Production cap' });
    expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveValue('1250.5');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Applies to' }), 'Whole organization');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Budget saved')).toBeInTheDocument();
    expect(api.to(UPDATE)[0].body).toEqual({ name: 'Production cap', amount: 1250.5, currency: 'EUR', period: 'quarterly', account_id: null });
  });

  it('deletes after confirmation, and keeps the dialog open with the reason when the API refuses', async () => {
    const DELETE = `DELETE ${API}/budgets/${orgWide.id}`;
    budgetsApi({ [DELETE]: errorAnswer(403, 'Support sessions are read-only') });
    const { user } = renderRoute('/app/budgets');

    await user.click(within(await rowOf('Cloud spend')).getByRole('button', { name: 'Delete Cloud spend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete budget' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete budget' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Support sessions are read-only');
  });

  it('lets a viewer read the budgets but not change them', async () => {
    budgetsApi({ [LIST]: listOf([]) }, 'viewer');
    renderRoute('/app/budgets');

    expect(await screen.findByRole('heading', { name: 'No budgets yet' })).toBeInTheDocument();
    expect(screen.getByText(/Your role can only read them/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New budget' })).not.toBeInTheDocument();
  });
});
