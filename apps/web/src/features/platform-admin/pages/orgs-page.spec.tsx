import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ok, orgDetail, orgRow, page } from '../testing/platform-fixtures';

const LIST = 'GET /api/v1/platform/orgs';
const CREATE = 'POST /api/v1/platform/orgs';
const orgsTable = () => screen.findByRole('table', { name: 'Organizations' });
const searchOf = (router: { state: { location: { search: string } } }) => Object.fromEntries(new URLSearchParams(router.state.location.search));

describe('OrgsPage: the list', () => {
  it('lists organizations newest first, 25 a page, each linking to its drill-down', async () => {
    const acme = orgRow({ name: 'Acme Corp', slug: 'acme', status: 'suspended', plan: 'enterprise', user_count: 12, error_count: 3 });
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: page([acme, orgRow()], { limit: 25 }) });
    const { user, router } = renderRoute('/platform/orgs');

    const table = await orgsTable();
    expect(api.to(LIST)[0].query).toEqual({ sort: '-created_at', page: '1', limit: '25' });
    const row = within(table).getAllByRole('row')[1];
    for (const text of ['Acme Corp', 'acme', 'Suspended', 'Enterprise', '12', '3']) expect(row).toHaveTextContent(text);
    expect(within(table).getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('Showing 1–2 of 2 organizations')).toBeInTheDocument();

    await user.click(within(row).getByRole('link', { name: 'Acme Corp' }));
    expect(router.state.location.pathname).toBe(`/platform/orgs/${acme.id}`);
  });

  it('searches, filters and sorts through the API, and keeps the view in the address', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: page([orgRow()]) });
    const { user, router } = renderRoute('/platform/orgs');
    await orgsTable();

    await user.type(screen.getByRole('textbox', { name: 'Search' }), '  acme {Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Active');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Pro');
    await user.click(screen.getByRole('button', { name: 'Users' }));

    await vi.waitFor(() => expect(api.to(LIST).at(-1)?.query).toEqual({ search: 'acme', status: 'active', plan: 'pro', sort: 'user_count', page: '1', limit: '25' }));
    expect(searchOf(router)).toEqual({ q: 'acme', status: 'active', plan: 'pro', sort: 'user_count' });
    expect(screen.getByRole('columnheader', { name: 'Users' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Created' })).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: 'Users' }));
    await vi.waitFor(() => expect(api.to(LIST).at(-1)?.query.sort).toBe('-user_count'));
    expect(screen.getByRole('columnheader', { name: 'Users' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts on every listed column', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: page([orgRow()]) });
    const { user } = renderRoute('/platform/orgs');
    await orgsTable();

    const columns = { Name: 'name', Slug: 'slug', Status: 'status', Plan: 'plan', Users: 'user_count', Accounts: 'account_count', 'Sync errors': 'error_count', 'Last sync': 'last_sync_at', Created: 'created_at' };
    for (const [label, field] of Object.entries(columns)) {
      await user.click(within(await orgsTable()).getByRole('button', { name: label }));
      await vi.waitFor(() => expect(api.to(LIST).at(-1)?.query.sort).toBe(field));
    }
  });

  it('opens the view a shared link describes, and pages through the API', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: (request: ApiRequest) => page([orgRow({ name: `Page ${request.query.page} org` })], { page: Number(request.query.page), limit: 25, total: 60 }),
    });
    const { user, router } = renderRoute('/platform/orgs?q=glob&status=pending&sort=-name');

    await orgsTable();
    expect(api.to(LIST)[0].query).toEqual({ search: 'glob', status: 'pending', sort: '-name', page: '1', limit: '25' });
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('glob');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('pending');
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(await screen.findByText('Page 3 org')).toBeInTheDocument();
    expect(screen.getByText('Showing 51–51 of 60 organizations')).toBeInTheDocument();
    expect(api.to(LIST).at(-1)?.query.page).toBe('3');
    expect(searchOf(router).page).toBe('3');
  });

  it('says when nothing matches, and clears the filters on request', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: (request: ApiRequest) => page(request.query.search ? [] : [orgRow()]) });
    const { user, router } = renderRoute('/platform/orgs?q=nothing-like-this&plan=free');

    expect(await screen.findByRole('heading', { name: 'No organizations match' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(await orgsTable()).toBeInTheDocument();
    expect(api.to(LIST).at(-1)?.query).toEqual({ sort: '-created_at', page: '1', limit: '25' });
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  });

  it('shows the API’s refusal with a way to try again', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: errorAnswer(400, 'sort must be one of the following values') });
    renderRoute('/platform/orgs?sort=name');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The organizations could not be loaded');
    expect(alert).toHaveTextContent('sort must be one of the following values');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('OrgsPage: creating an organization', () => {
  it('suggests the slug from the name, sends the new org and opens it', async () => {
    const created = orgDetail({ name: 'Umbrella Labs', slug: 'umbrella-labs', plan: 'enterprise' });
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: page([orgRow()]),
      [CREATE]: ok(created, 201),
      [`GET /api/v1/platform/orgs/${created.id}`]: ok(created),
    });
    const { user, router } = renderRoute('/platform/orgs');
    await orgsTable();

    await user.click(screen.getByRole('button', { name: 'Create organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create organization' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Umbrella Labs!');
    expect(within(dialog).getByRole('textbox', { name: 'Slug' })).toHaveValue('umbrella-labs');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Plan' }), 'Enterprise');
    await user.type(within(dialog).getByRole('textbox', { name: 'Owner’s e-mail' }), 'boss@umbrella.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/platform/orgs/${created.id}`));
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Umbrella Labs!', slug: 'umbrella-labs', plan: 'enterprise', owner_email: 'boss@umbrella.example' });
    expect(await screen.findByText('Organization created')).toBeInTheDocument();
  });

  it('points out a bad slug or e-mail before asking the API, and shows the API’s conflict in the dialog', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: page([orgRow()]), [CREATE]: errorAnswer(409, 'This slug is taken') });
    const { user } = renderRoute('/platform/orgs');
    await orgsTable();
    await user.click(screen.getByRole('button', { name: 'Create organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create organization' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Acme');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Slug' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Slug' }), '-Acme');
    await user.type(within(dialog).getByRole('textbox', { name: 'Owner’s e-mail' }), 'not-an-address');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    expect(within(dialog).getByText(/3–63 lower-case letters/)).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the owner’s e-mail address')).toBeInTheDocument();
    expect(api.to(CREATE)).toHaveLength(0);

    await user.clear(within(dialog).getByRole('textbox', { name: 'Slug' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Slug' }), 'acme');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Owner’s e-mail' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Owner’s e-mail' }), 'someone@acme.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This slug is taken');
    expect(screen.getByRole('dialog', { name: 'Create organization' })).toBeInTheDocument();
  });
});
