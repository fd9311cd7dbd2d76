import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { growthPoints, ok, platformStats, quietChartSizeWarnings } from '../testing/platform-fixtures';

const STATS = 'GET /api/v1/platform/stats';
const GROWTH = 'GET /api/v1/platform/growth';

describe('PlatformDashboardPage', () => {
  beforeEach(quietChartSizeWarnings);

  it('shows the platform figures, with the sync errors linking to sync health', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [STATS]: ok(platformStats({ total_cost_rows: 42_750, sync_errors: 10 })), [GROWTH]: ok({ items: growthPoints() }) });
    const { user, router } = renderRoute('/platform');

    expect(await screen.findByRole('heading', { level: 1, name: 'Platform dashboard' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Organizations' })).toHaveTextContent('50');
    expect(screen.getByRole('group', { name: 'Users' })).toHaveTextContent('360');
    expect(screen.getByRole('group', { name: 'Cloud accounts' })).toHaveTextContent('117');
    expect(screen.getByRole('group', { name: 'Cost rows' })).toHaveTextContent('42,750');
    expect(screen.getByRole('group', { name: 'New organizations' })).toHaveTextContent('4');
    const syncErrors = screen.getByRole('group', { name: 'Sync errors' });
    expect(syncErrors).toHaveTextContent('10');

    await user.click(within(syncErrors).getByRole('link', { name: 'Sync errors' }));
    expect(router.state.location.pathname).toBe('/platform/sync-health');
  });

  it('asks for 12 weeks of growth and gives the chart as a table too', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [STATS]: ok(platformStats()), [GROWTH]: ok({ items: growthPoints() }) });
    renderRoute('/platform');

    const table = await screen.findByRole('table', { name: 'New organizations per week, the last 12 weeks' });
    expect(api.to(GROWTH)[0].query).toEqual({ weeks: '12' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)).toHaveTextContent('5');
    expect(screen.getByText('19 new organizations in 12 weeks.')).toBeInTheDocument();
  });

  it('says so when no organization joined in the period', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [STATS]: ok(platformStats()), [GROWTH]: ok({ items: growthPoints(Array(12).fill(0)) }) });
    renderRoute('/platform');

    expect(await screen.findByText('No organization joined in these weeks.')).toBeInTheDocument();
  });

  it('shows each failure on its own, and loads again on Try again', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [STATS]: inTurn(errorAnswer(403, 'Only a super_admin may do this'), ok(platformStats())),
      [GROWTH]: ok({ items: growthPoints() }),
    });
    const { user } = renderRoute('/platform');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The platform figures could not be loaded');
    expect(alert).toHaveTextContent('Only a super_admin may do this');
    // The chart does not depend on the figures.
    expect(await screen.findByRole('table', { name: /New organizations per week/ })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('group', { name: 'Organizations' })).toHaveTextContent('50');
    expect(api.to(STATS)).toHaveLength(2);
  });
});
