import type { UsageRowDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { page, quietChartSizeWarnings } from '../testing/platform-fixtures';

const USAGE = 'GET /api/v1/platform/usage';

function usage(name: string, overrides: Partial<UsageRowDto> = {}): UsageRowDto {
  return { org_id: `id-of-${name}`, org_name: name, syncs_30d: 10, actions_30d: 100, last_activity_at: '2026-11-30T08:00:00.000Z', cost_rows: 500, plan: 'pro', ...overrides };
}

const ROWS = [
  usage('Globex', { actions_30d: 40, syncs_30d: 3, cost_rows: 9_000, plan: 'free' }),
  usage('Acme Corp', { actions_30d: 1_250, syncs_30d: 12, cost_rows: 2_000 }),
  usage('Initech', { actions_30d: 0, syncs_30d: 0, cost_rows: 0, last_activity_at: null, plan: 'enterprise' }),
];

const namesInTable = () =>
  within(screen.getByRole('table', { name: 'Usage per organization, last 30 days' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

describe('UsagePage', () => {
  beforeEach(quietChartSizeWarnings);

  it('lists every org’s activity, the most active first', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [USAGE]: page(ROWS) });
    renderRoute('/platform/usage');

    const table = await screen.findByRole('table', { name: 'Usage per organization, last 30 days' });
    expect(api.to(USAGE)[0].query).toEqual({ page: '1', limit: '100' });
    expect(namesInTable()).toEqual(['Acme Corp', 'Globex', 'Initech']);
    expect(within(table).getByRole('columnheader', { name: 'API calls' })).toHaveAttribute('aria-sort', 'descending');
    const acme = within(table).getAllByRole('row')[1];
    for (const text of ['Acme Corp', 'Pro', '12', '1,250', '2,000']) expect(acme).toHaveTextContent(text);
  });

  it('sorts the rows on any column, and keeps the sort in the address', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [USAGE]: page(ROWS) });
    const { user, router } = renderRoute('/platform/usage');
    await screen.findByRole('table', { name: 'Usage per organization, last 30 days' });

    await user.click(screen.getByRole('button', { name: 'Cost rows' }));
    expect(namesInTable()).toEqual(['Initech', 'Acme Corp', 'Globex']);
    await user.click(screen.getByRole('button', { name: 'Cost rows' }));
    expect(namesInTable()).toEqual(['Globex', 'Acme Corp', 'Initech']);
    expect(router.state.location.search).toBe('?sort=-cost_rows');

    await user.click(screen.getByRole('button', { name: 'Organization' }));
    expect(namesInTable()).toEqual(['Acme Corp', 'Globex', 'Initech']);
    // Never active sorts last, whichever the direction.
    await user.click(screen.getByRole('button', { name: 'Last activity' }));
    expect(namesInTable().at(-1)).toBe('Initech');
  });

  it('charts the most active orgs, as a table too, leaving out those without calls', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [USAGE]: page(ROWS) });
    renderRoute('/platform/usage');

    const chartTable = await screen.findByRole('table', { name: 'The 2 organizations with the most API calls in the last 30 days' });
    const rows = within(chartTable).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Acme Corp1,25012', 'Globex403']);
  });

  it('says when there is no organization, and shows a failure', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [USAGE]: page([]) });
    const { unmount } = renderRoute('/platform/usage');
    expect(await screen.findByRole('heading', { name: 'No organizations yet' })).toBeInTheDocument();
    unmount();

    mockApi({ ...restoredSession('platform', staffUser()), [USAGE]: errorAnswer(403, 'Only a super_admin may do this') });
    renderRoute('/platform/usage');
    expect(await screen.findByRole('alert')).toHaveTextContent('Only a super_admin may do this');
  });
});
