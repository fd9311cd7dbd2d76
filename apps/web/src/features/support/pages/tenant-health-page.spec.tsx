import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { fleetStats, TENANT_HEALTH_LIST, tenantHealthList, tenantHealthRow } from '../testing/tenant-health-fixtures';

const healthTable = () => screen.findByRole('table', { name: 'Tenant health' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const searchOf = (router: { state: { location: { search: string } } }) => Object.fromEntries(new URLSearchParams(router.state.location.search));

describe('tenant health: what it shows', () => {
  it('counts the tenants of each health class out of all of them, each card in its colour', async () => {
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow()], { stats: fleetStats({ healthy: 32, warning: 4, critical: 5, unknown: 9 }) }) });
    renderRoute('/support');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tenant health' })).toBeInTheDocument();
    const expected = { Healthy: ['32', 'green-6'], Warning: ['4', 'yellow-5'], Critical: ['5', 'red-8'], Unknown: ['9', 'gray-7'] };
    for (const [label, [count, color]] of Object.entries(expected)) {
      const card = await screen.findByRole('group', { name: label });
      expect(card).toHaveTextContent(`${label}${count}of 50 tenants`);
      expect(card.querySelector('[aria-hidden="true"]')).toHaveStyle({ background: `var(--mantine-color-${color})` });
    }
  });

  it('lists each tenant with its health in words and colour, its traffic, and why it has that class', async () => {
    const now = Date.now();
    const acme = tenantHealthRow({ name: 'Acme Corp', health: 'critical', api_calls_24h: 2480, error_rate: 12.4, last_seen_at: new Date(now - 3 * 60_000).toISOString(), reason: 'error rate 12.4% ≥ 10% over 2480 calls in 24 h' });
    const quiet = tenantHealthRow({ name: 'Quiet Labs', health: 'unknown', status: 'suspended', api_calls_24h: 0, error_rate: null, last_seen_at: null, reason: 'too little traffic to judge (0 calls in 24 h, baseline 0 a day)' });
    const warning = tenantHealthRow({ name: 'Warned Inc', health: 'warning' });
    const healthy = tenantHealthRow({ name: 'Fine Co', health: 'healthy' });
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [TENANT_HEALTH_LIST]: tenantHealthList([acme, warning, quiet, healthy]) });
    renderRoute('/support');

    const [acmeRow, warningRow, quietRow, healthyRow] = rowsOf(await healthTable());
    expect(acmeRow).toHaveTextContent('Acme Corp');
    expect(acmeRow).toHaveTextContent('Active');
    expect(acmeRow).toHaveTextContent('2,480');
    expect(acmeRow).toHaveTextContent('12.4%');
    expect(acmeRow).toHaveTextContent('3 minutes ago');
    expect(acmeRow).toHaveTextContent('error rate 12.4% ≥ 10% over 2480 calls in 24 h');
    expect(quietRow).toHaveTextContent('Suspended');
    expect(quietRow).toHaveTextContent('–');
    expect(quietRow).toHaveTextContent('never');

    // The class in words, on a badge in its colour: red, yellow, grey, green.
    for (const [row, label, color] of [
      [acmeRow, 'Critical', 'red-8'],
      [warningRow, 'Warning', 'yellow-5'],
      [quietRow, 'Unknown', 'gray-7'],
      [healthyRow, 'Healthy', 'green-6'],
    ] as const) {
      const badge = within(row).getByText(label).closest('.mantine-Badge-root');
      expect(badge).toHaveStyle({ '--badge-bg': `var(--mantine-color-${color})` });
    }

    expect(within(acmeRow).getByRole('link', { name: 'View details of Acme Corp' })).toHaveAttribute('href', `/support/tenants/${acme.org_id}`);
  });

  it('opens the Create support session dialog for the tenant of the row', async () => {
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow({ name: 'Acme Corp' }), tenantHealthRow({ name: 'Globex' })]) });
    const { user } = renderRoute('/support');
    const globexRow = rowsOf(await healthTable())[1];

    await user.click(within(globexRow).getByRole('button', { name: 'Create support session for Globex' }));

    expect(await screen.findByRole('dialog', { name: 'Support session for Globex' })).toBeInTheDocument();
  });

  it('shows a spinner while the list loads', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [TENANT_HEALTH_LIST]: () => new Promise(() => undefined) });
    renderRoute('/support');

    expect(await screen.findByRole('status', { name: 'Loading tenant health' })).toBeInTheDocument();
  });

  it('says so when no tenant has been judged yet', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [TENANT_HEALTH_LIST]: tenantHealthList([], { stats: fleetStats({ healthy: 0, warning: 0, critical: 0, unknown: 0 }) }) });
    renderRoute('/support');

    expect(await screen.findByRole('heading', { name: 'No tenant has been judged yet' })).toBeInTheDocument();
  });

  it('shows the error with a way to try again, which asks again', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [TENANT_HEALTH_LIST]: errorAnswer(403, 'Forbidden resource') });
    const { user } = renderRoute('/support');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tenant health could not be loaded');
    expect(alert).toHaveTextContent('Forbidden resource');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(api.to(TENANT_HEALTH_LIST)).toHaveLength(2));
  });
});

describe('tenant health: search, filters, sorting and paging', () => {
  it('sends the search, health and status to the API and keeps them in the address', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser('support_admin')), [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow()]) });
    const { user, router } = renderRoute('/support');
    await healthTable();
    expect(api.to(TENANT_HEALTH_LIST)[0].query).toEqual({ limit: '25', page: '1' });

    await user.type(screen.getByRole('textbox', { name: 'Search' }), '  Acme ');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await vi.waitFor(() => expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query).toEqual({ limit: '25', page: '1', search: 'Acme' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Health' }), 'Critical');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Organization status' }), 'Suspended');

    await vi.waitFor(() => expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query).toEqual({ limit: '25', page: '1', search: 'Acme', health: 'critical', status: 'suspended' }));
    expect(searchOf(router)).toEqual({ search: 'Acme', health: 'critical', status: 'suspended' });
  });

  it('opens a shared address with its filters, sort and page', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow()], { pagination: { page: 2, total: 26 } }) });
    renderRoute('/support?search=acme&health=warning&status=active&sort=-error_rate&page=2');

    await healthTable();
    expect(api.to(TENANT_HEALTH_LIST)[0].query).toEqual({ limit: '25', page: '2', search: 'acme', health: 'warning', status: 'active', sort: '-error_rate' });
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('acme');
    expect(screen.getByRole('combobox', { name: 'Health' })).toHaveValue('warning');
  });

  it('filters by a health class from its stat card, and clears the filters again', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [TENANT_HEALTH_LIST]: (request: ApiRequest) => tenantHealthList(request.query.health === 'critical' ? [] : [tenantHealthRow()]),
    });
    const { user, router } = renderRoute('/support');
    await healthTable();

    await user.click(within(screen.getByRole('group', { name: 'Critical' })).getByRole('link', { name: 'Critical' }));

    expect(await screen.findByRole('heading', { name: 'No tenants match these filters' })).toBeInTheDocument();
    expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query).toEqual({ limit: '25', page: '1', health: 'critical' });
    expect(screen.getByRole('combobox', { name: 'Health' })).toHaveValue('critical');

    await user.click(screen.getByRole('button', { name: 'Show all tenants' }));
    // The whole list again (from the cache, as it was just read).
    expect(rowsOf(await healthTable())).toHaveLength(1);
    expect(searchOf(router)).toEqual({});
    expect(screen.getByRole('combobox', { name: 'Health' })).toHaveValue('');
  });

  it('sorts through the API from the column headers, busiest first, then the other way', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow()]) });
    const { user, router } = renderRoute('/support');
    const table = await healthTable();
    // The API's default order: the worst health first.
    expect(within(table).getByRole('columnheader', { name: 'Health' })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(table).getByRole('button', { name: 'API calls (24 h)' }));
    await vi.waitFor(() => expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query.sort).toBe('-api_calls_24h'));
    expect(within(await healthTable()).getByRole('columnheader', { name: 'API calls (24 h)' })).toHaveAttribute('aria-sort', 'descending');
    expect(within(await healthTable()).getByRole('columnheader', { name: 'Health' })).not.toHaveAttribute('aria-sort');

    await user.click(within(await healthTable()).getByRole('button', { name: 'API calls (24 h)' }));
    await vi.waitFor(() => expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query.sort).toBe('api_calls_24h'));
    expect(searchOf(router)).toEqual({ sort: 'api_calls_24h' });
  });

  it('pages through the API with page numbers and says which tenants are shown', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [TENANT_HEALTH_LIST]: (request: ApiRequest) =>
        request.query.page === '2'
          ? tenantHealthList([tenantHealthRow({ name: 'Last One' })], { pagination: { page: 2, total: 26 } })
          : tenantHealthList(Array.from({ length: 25 }, () => tenantHealthRow()), { pagination: { page: 1, total: 26 } }),
    });
    const { user, router } = renderRoute('/support');
    await healthTable();
    expect(screen.getByText('Showing 1–25 of 26 tenants')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 2' }));

    expect(await screen.findByText('Showing 26–26 of 26 tenants')).toBeInTheDocument();
    expect(rowsOf(await healthTable())[0]).toHaveTextContent('Last One');
    expect(api.to(TENANT_HEALTH_LIST).at(-1)?.query).toEqual({ limit: '25', page: '2' });
    expect(searchOf(router)).toEqual({ page: '2' });
  });

  it('offers the first page when the address points past the end of the list', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [TENANT_HEALTH_LIST]: (request: ApiRequest) => (request.query.page === '9' ? tenantHealthList([], { pagination: { page: 9, total: 3 } }) : tenantHealthList([tenantHealthRow()])),
    });
    const { user } = renderRoute('/support?page=9');

    expect(await screen.findByRole('heading', { name: 'No tenants on this page' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to the first page' }));
    expect(await healthTable()).toBeInTheDocument();
  });
});
