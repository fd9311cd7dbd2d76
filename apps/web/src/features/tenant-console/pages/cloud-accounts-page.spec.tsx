import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { API, cloudAccount, listOf, ok } from '../testing/tenant-fixtures';

const LIST = `GET ${API}/cloud-accounts`;
const CREATE = `POST ${API}/cloud-accounts`;

const production = cloudAccount({ name: 'Production', provider: 'aws', external_id: '123456789012' });
const broken = cloudAccount({
  name: 'Old billing',
  provider: 'azure',
  external_id: 'sub-invalid-1',
  status: 'error',
  sync_error: 'AuthorizationFailed: the client does not have authorization to read billing data',
  last_synced_at: null,
  cost_row_count: 0,
});

function accountsApi(routes: Record<string, ApiAnswer | ((request: never) => ApiAnswer)> = {}, role: 'owner' | 'operator' | 'viewer' = 'operator') {
  return mockApi({ ...restoredSession('tenant', tenantUser(role)), [LIST]: listOf([production, broken]), ...routes });
}

const table = () => screen.findByRole('table', { name: 'Cloud accounts' });
const rowOf = async (name: string) => within(await table()).getByRole('row', { name: new RegExp(name) });

describe('cloud accounts', () => {
  it('lists the accounts with their provider, id and status, and shows why a sync failed', async () => {
    accountsApi();
    renderRoute('/app/cloud-accounts');

    const productionRow = await rowOf('Production');
    expect(productionRow).toHaveTextContent('AWS');
    expect(productionRow).toHaveTextContent('123456789012');
    expect(productionRow).toHaveTextContent('Connected');
    const brokenRow = await rowOf('Old billing');
    expect(brokenRow).toHaveTextContent('Sync failed');
    expect(brokenRow).toHaveTextContent('AuthorizationFailed: the client does not have authorization to read billing data');
    expect(brokenRow).toHaveTextContent('Never');
  });

  it('connects an account with its provider and external id', async () => {
    const created = cloudAccount({ name: 'Analytics', provider: 'gcp', external_id: 'analytics-prod', status: 'pending', last_synced_at: null });
    const api = accountsApi({ [CREATE]: ok(created, 201) });
    const { user } = renderRoute('/app/cloud-accounts');
    await table();

    await user.click(screen.getByRole('button', { name: 'Connect account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect account' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Analytics');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Provider' }), 'Google Cloud');
    expect(within(dialog).getByText('The Google Cloud project ID.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID at the provider' }), 'analytics-prod');
    await user.click(within(dialog).getByRole('button', { name: 'Connect account' }));

    expect(await screen.findByText('Cloud account created')).toBeInTheDocument();
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Analytics', provider: 'gcp', external_id: 'analytics-prod' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: 'Connect account' })).not.toBeInTheDocument());
    await vi.waitFor(() => expect(api.to(LIST).length).toBeGreaterThan(1));
  });

  it('checks the fields before sending, and shows the API refusal in the dialog', async () => {
    const api = accountsApi({ [CREATE]: errorAnswer(409, 'This aws account is already connected') });
    const { user } = renderRoute('/app/cloud-accounts');
    await table();
    await user.click(screen.getByRole('button', { name: 'Connect account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect account' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID at the provider' }), 'not valid!');
    await user.click(within(dialog).getByRole('button', { name: 'Connect account' }));
    expect(within(dialog).getByText('Enter the name')).toBeInTheDocument();
    expect(within(dialog).getByText('Letters, digits and . _ : / - only')).toBeInTheDocument();
    expect(api.to(CREATE)).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Production again');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Account ID at the provider' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Account ID at the provider' }), '123456789012');
    await user.click(within(dialog).getByRole('button', { name: 'Connect account' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This aws account is already connected');
  });

  it('syncs in the background: polls the account until the sync ends, then refreshes and says so', async () => {
    const SYNC = `POST ${API}/cloud-accounts/${production.id}/sync`;
    const ACCOUNT = `GET ${API}/cloud-accounts/${production.id}`;
    const api = accountsApi({
      [SYNC]: ok({ id: 'job-1', account_id: production.id, status: 'queued', trigger: 'manual', rows_written: 0, error: null, created_at: '2026-11-30T09:00:00.000Z', finished_at: null }, 202),
      [ACCOUNT]: inTurn(ok({ ...production, status: 'syncing' }), ok({ ...production, last_synced_at: '2026-11-30T09:00:05.000Z', cost_row_count: 690 })),
    });
    const { user } = renderRoute('/app/cloud-accounts');

    await user.click(within(await rowOf('Production')).getByRole('button', { name: 'Sync Production now' }));

    expect(await screen.findByText('Sync started')).toBeInTheDocument();
    expect(await rowOf('Production')).toHaveTextContent('Sync in progress');
    expect(await screen.findByText('Sync finished', {}, { timeout: 8_000 })).toBeInTheDocument();
    expect(screen.getByText('Production is up to date: 690 cost rows.')).toBeInTheDocument();
    expect(api.to(SYNC)[0].body).toEqual({});
    expect(api.to(ACCOUNT).length).toBe(2);
    await vi.waitFor(() => expect(api.to(LIST).length).toBeGreaterThan(1));
  });

  it('says why a sync failed when the account turns to error', async () => {
    const SYNC = `POST ${API}/cloud-accounts/${production.id}/sync`;
    accountsApi({
      [SYNC]: ok({ id: 'job-2', account_id: production.id, status: 'queued', trigger: 'manual', rows_written: 0, error: null, created_at: '2026-11-30T09:00:00.000Z', finished_at: null }, 202),
      [`GET ${API}/cloud-accounts/${production.id}`]: ok({ ...production, status: 'error', sync_error: 'AccessDenied: not authorized to perform ce:GetCostAndUsage' }),
    });
    const { user } = renderRoute('/app/cloud-accounts');

    await user.click(within(await rowOf('Production')).getByRole('button', { name: 'Sync Production now' }));

    expect(await screen.findByText('Sync failed', { selector: '.mantine-Notification-title' }, { timeout: 8_000 })).toBeInTheDocument();
    expect(screen.getByText('Production: AccessDenied: not authorized to perform ce:GetCostAndUsage')).toBeInTheDocument();
  });

  it('renames an account; its provider and external id stay as they are', async () => {
    const RENAME = `PATCH ${API}/cloud-accounts/${production.id}`;
    const api = accountsApi({ [RENAME]: ok({ ...production, name: 'Production EU' }) });
    const { user } = renderRoute('/app/cloud-accounts');

    await user.click(within(await rowOf('Production')).getByRole('button', { name: 'Rename Production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename Production' });
    expect(within(dialog).getByRole('combobox', { name: 'Provider' })).toBeDisabled();
    expect(within(dialog).getByRole('textbox', { name: 'Account ID at the provider' })).toBeDisabled();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Production EU');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Cloud account saved')).toBeInTheDocument();
    expect(api.to(RENAME)[0].body).toEqual({ name: 'Production EU' });
  });

  it('deletes an account only after a confirmation that says what goes with it', async () => {
    const DELETE = `DELETE ${API}/cloud-accounts/${production.id}`;
    const api = accountsApi({ [DELETE]: { status: 204 } });
    const { user } = renderRoute('/app/cloud-accounts');

    await user.click(within(await rowOf('Production')).getByRole('button', { name: 'Delete Production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete cloud account' });
    expect(dialog).toHaveTextContent('Its 600 cost rows, and the budgets, alert rules, anomaly alerts and recommendations tied to it, are deleted with it.');
    expect(api.to(DELETE)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete cloud account' }));

    expect(await screen.findByText('Cloud account deleted')).toBeInTheDocument();
    expect(api.to(DELETE)).toHaveLength(1);
  });

  it('gives a viewer the list without any button that changes it', async () => {
    accountsApi({}, 'viewer');
    renderRoute('/app/cloud-accounts');

    await rowOf('Production');
    expect(screen.queryByRole('button', { name: 'Connect account' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sync|Rename|Delete/ })).not.toBeInTheDocument();
  });

  it('pages through a long list with the page in the address', async () => {
    const api = accountsApi({
      [LIST]: (request: { query: Record<string, string> }) =>
        request.query.page === '2' ? listOf([cloudAccount({ name: 'Account 51' })], { page: 2, total: 51 }) : listOf([production], { total: 51 }),
    });
    const { user, router } = renderRoute('/app/cloud-accounts');
    await rowOf('Production');
    expect(screen.getByText('Showing 1–1 of 51')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await rowOf('Account 51')).toBeInTheDocument();
    expect(api.to(LIST).at(-1)?.query).toEqual({ page: '2', limit: '50' });
    expect(router.state.location.search).toBe('?page=2');
  });

  it('invites the first connection when there is no account, and shows load errors with a retry', async () => {
    accountsApi({ [LIST]: inTurn(errorAnswer(403, 'Forbidden resource'), listOf([])) });
    const { user } = renderRoute('/app/cloud-accounts');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cloud accounts could not be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'No cloud accounts yet' })).toBeInTheDocument();
  });
});
