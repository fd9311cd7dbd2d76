import type { SyncHealthRowDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ORG_ID, page } from '../testing/platform-fixtures';

const SYNC_HEALTH = 'GET /api/v1/platform/sync-health';

function failingAccount(overrides: Partial<SyncHealthRowDto> = {}): SyncHealthRowDto {
  return {
    account_id: '77777777-7777-4777-8777-777777777772',
    account_name: 'Legacy GCP',
    provider: 'gcp',
    external_id: 'billing-invalid-42',
    status: 'error',
    sync_error: 'Permission denied on billing export',
    last_synced_at: null,
    org_id: ORG_ID,
    org_name: 'Acme Corp',
    ...overrides,
  };
}

describe('SyncHealthPage', () => {
  it('lists the failing accounts with their org, provider, external id and error', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [SYNC_HEALTH]: page([failingAccount()]) });
    const { user, router } = renderRoute('/platform/sync-health');

    const table = await screen.findByRole('table', { name: 'Cloud accounts failing to sync' });
    expect(api.to(SYNC_HEALTH)[0].query).toEqual({ page: '1', limit: '50' });
    const row = within(table).getAllByRole('row')[1];
    for (const text of ['Acme Corp', 'Legacy GCP', 'billing-invalid-42', 'Google Cloud', 'Permission denied on billing export', 'never']) expect(row).toHaveTextContent(text);

    await user.click(within(row).getByRole('link', { name: 'Acme Corp' }));
    expect(router.state.location.pathname).toBe(`/platform/orgs/${ORG_ID}`);
    expect(router.state.location.search).toBe('?tab=accounts');
  });

  it('pages through the API', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [SYNC_HEALTH]: (request: ApiRequest) => page([failingAccount({ account_name: `Account on page ${request.query.page}` })], { page: Number(request.query.page), limit: 50, total: 51 }),
    });
    const { user } = renderRoute('/platform/sync-health');

    await user.click(await screen.findByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Account on page 2')).toBeInTheDocument();
    expect(screen.getByText('Showing 51–51 of 51 failing accounts')).toBeInTheDocument();
    expect(api.to(SYNC_HEALTH).at(-1)?.query).toEqual({ page: '2', limit: '50' });
  });

  it('says all accounts are syncing when none fails', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [SYNC_HEALTH]: page([]) });
    renderRoute('/platform/sync-health');

    expect(await screen.findByRole('heading', { name: 'All accounts syncing' })).toBeInTheDocument();
  });

  it('shows a failure with a way to try again', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [SYNC_HEALTH]: errorAnswer(503, 'Service Unavailable') });
    renderRoute('/platform/sync-health');

    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert).toHaveTextContent('Sync health could not be loaded');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
