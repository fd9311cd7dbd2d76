import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { anomaly, API, costSummary, listOf, ok, org, recommendation } from '../testing/tenant-fixtures';

const ORG = `GET ${API}/org`;
const SUMMARY = `GET ${API}/costs/summary`;
const ANOMALIES = `GET ${API}/anomaly-alerts`;
const RECOMMENDATIONS = `GET ${API}/recommendations`;
const DAY = 86_400_000;

function dashboardApi(routes: Record<string, ApiAnswer> = {}, role: 'owner' | 'viewer' = 'owner') {
  return mockApi({
    ...restoredSession('tenant', tenantUser(role)),
    [ORG]: ok(org()),
    [SUMMARY]: ok(costSummary()),
    [ANOMALIES]: listOf([anomaly()]),
    [RECOMMENDATIONS]: listOf([recommendation()]),
    ...routes,
  });
}

describe('tenant dashboard', () => {
  it('welcomes the person and shows the costs of the last 30 days: totals, per day and per provider', async () => {
    const api = dashboardApi();
    renderRoute('/app');

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Owner Person' })).toBeInTheDocument();
    await screen.findByRole('table', { name: /^Daily cost from/ });
    expect(screen.getByRole('group', { name: 'Cost, last 30 days' })).toHaveTextContent('$600.00');
    expect(screen.getByRole('group', { name: 'Cloud accounts' })).toHaveTextContent('2');
    // The chart's figures, as screen readers get them.
    const perDay = screen.getByRole('table', { name: /^Daily cost from/ });
    expect(within(perDay).getAllByRole('row')).toHaveLength(4);
    expect(within(perDay).getByRole('row', { name: /Nov 29, 2026 \$350\.00/ })).toBeInTheDocument();
    const perProvider = screen.getByRole('list', { name: 'Cost by provider' });
    expect(within(perProvider).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['AWS$450.00 (75%)', 'Google Cloud$150.00 (25%)']);

    const { from, to } = api.to(SUMMARY)[0].query;
    // Up to yesterday: billing data arrives a day late.
    expect(to).toBe(new Date(Date.now() - DAY).toISOString().slice(0, 10));
    expect((Date.parse(to) - Date.parse(from)) / DAY).toBe(29);
  });

  it('lists the recent anomalies and the top recommendations', async () => {
    dashboardApi();
    renderRoute('/app');

    const anomalies = await screen.findByRole('table', { name: 'Recent anomalies' });
    expect(within(anomalies).getByRole('row', { name: /Amazon EC2 \$100\.00 \$340\.00 high/ })).toBeInTheDocument();
    expect(await screen.findByText('Downsize idle m5.2xlarge instances')).toBeInTheDocument();
    expect(screen.getByText('$820.00 / month')).toBeInTheDocument();
  });

  it('switches to 90 days, asks the API for that range and keeps it in the address', async () => {
    const api = dashboardApi();
    const { user, router } = renderRoute('/app');
    await screen.findByRole('group', { name: 'Cost, last 30 days' });

    await user.click(screen.getByRole('radio', { name: '90 days' }));

    expect(await screen.findByRole('group', { name: 'Cost, last 90 days' })).toBeInTheDocument();
    const { from, to } = api.to(SUMMARY).at(-1)!.query;
    expect((Date.parse(to) - Date.parse(from)) / DAY).toBe(89);
    expect(router.state.location.search).toBe('?days=90');
  });

  it('points out accounts that fail to sync, with a way to the cloud accounts page', async () => {
    dashboardApi({ [ORG]: ok(org({ account_count: 3, error_count: 1 })) });
    renderRoute('/app');

    expect(await screen.findByRole('group', { name: 'Cloud accounts' })).toHaveTextContent('1 failing to sync');
    expect(screen.getByText('1 of your cloud accounts could not sync')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review the cloud accounts' })).toHaveAttribute('href', '/app/cloud-accounts');
  });

  it('asks an organization without accounts to connect one, and reads no costs', async () => {
    const api = dashboardApi({ [ORG]: ok(org({ account_count: 0, last_sync_at: null })) });
    renderRoute('/app');

    expect(await screen.findByRole('heading', { name: 'Connect a cloud account' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect a cloud account' })).toHaveAttribute('href', '/app/cloud-accounts');
    expect(api.to(SUMMARY)).toEqual([]);
  });

  it('tells a viewer who can connect accounts instead of offering a button', async () => {
    dashboardApi({ [ORG]: ok(org({ account_count: 0 })) }, 'viewer');
    renderRoute('/app');

    expect(await screen.findByText(/Ask an owner, admin or operator/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Connect a cloud account' })).not.toBeInTheDocument();
  });

  it('says when connected accounts have no costs in the range yet', async () => {
    dashboardApi({ [SUMMARY]: ok(costSummary({ total_cost: 0, row_count: 0, latest_data_date: null, by_provider: [] })) });
    renderRoute('/app');

    expect(await screen.findByRole('heading', { name: 'No cost data yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /^Daily cost/ })).not.toBeInTheDocument();
  });

  it('shows what failed, with a retry, when costs or anomalies cannot be loaded', async () => {
    const api = dashboardApi({ [SUMMARY]: errorAnswer(400, 'from must be a date (YYYY-MM-DD)'), [ANOMALIES]: errorAnswer(403, 'Forbidden resource') });
    const { user } = renderRoute('/app');

    const costsError = (await screen.findByText('Costs could not be loaded')).closest<HTMLElement>('[role="alert"]')!;
    expect(costsError).toHaveTextContent('from must be a date (YYYY-MM-DD)');
    expect(await screen.findByText('The anomalies could not be loaded')).toBeInTheDocument();
    // The rest of the dashboard still works.
    expect(screen.getByText('Downsize idle m5.2xlarge instances')).toBeInTheDocument();

    await user.click(within(costsError).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(api.to(SUMMARY)).toHaveLength(2));
  });
});
