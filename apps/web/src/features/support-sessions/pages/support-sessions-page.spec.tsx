import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { sessionList, STAFF_SESSIONS, supportSession } from '../testing/support-session-fixtures';

const ORG_ID = '55555555-5555-4555-8555-555555555555';

const sessionsTable = () => screen.findByRole('table', { name: 'Support sessions' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const searchOf = (router: ReturnType<typeof renderRoute>['router']) => Object.fromEntries(new URLSearchParams(router.state.location.search));

describe('support sessions list', () => {
  it('shows each session with status, tenant, who, scope, reason, times and requests, and links to its page', async () => {
    const active = supportSession({ org_name: 'Acme Corp', platform_user_email: 'sam@keel.test', target_user_email: 'owner@acme.example', request_count: 1234 });
    const revoked = supportSession({ status: 'revoked', org_name: 'Globex', scopes: ['read_write'], ticket_ref: null, end_reason: 'revoked' });
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [STAFF_SESSIONS]: sessionList([active, revoked]) });
    renderRoute('/support/sessions');

    expect(await screen.findByRole('heading', { level: 1, name: 'Support sessions' })).toBeInTheDocument();
    const [first, second] = rowsOf(await sessionsTable());
    const headers = within(await sessionsTable()).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Status', 'Tenant', 'Acting as', 'Staff member', 'Scope', 'Reason', 'Issued', 'Expires', 'Requests', 'Details']);
    expect(first).toHaveTextContent(/^Active\s*Acme Corp\s*owner@acme\.example\s*sam@keel\.test\s*Read-only\s*Customer reports missing AWS costs since MondayTicket SUP-4711/);
    expect(first).toHaveTextContent('1,234');
    expect(within(first).getByText('Active').closest('.mantine-Badge-root')).toHaveStyle({ '--badge-bg': 'var(--mantine-color-green-6)' });
    expect(within(second).getByText('Revoked').closest('.mantine-Badge-root')).toHaveStyle({ '--badge-bg': 'var(--mantine-color-red-8)' });
    expect(second).toHaveTextContent('Read and write');
    expect(within(first).getByRole('link', { name: /^Details of the session of sam@keel\.test issued/ })).toHaveAttribute('href', `/support/sessions/${active.id}`);
  });

  it('counts every session by status in three cards, each a link that filters the list', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [STAFF_SESSIONS]: (request: ApiRequest) => sessionList(request.query.status === 'revoked' ? [supportSession({ status: 'revoked' })] : [supportSession(), supportSession()], { stats: { active: 2, revoked: 1, expired: 40 } }),
    });
    const { user, router } = renderRoute('/support/sessions');
    await sessionsTable();

    expect(screen.getByRole('group', { name: 'Active' })).toHaveTextContent('2Open now');
    expect(screen.getByRole('group', { name: 'Revoked' })).toHaveTextContent('1');
    expect(screen.getByRole('group', { name: 'Expired' })).toHaveTextContent('40');

    await user.click(within(screen.getByRole('group', { name: 'Revoked' })).getByRole('link', { name: 'Revoked' }));

    await vi.waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Support sessions' }))).toHaveLength(1));
    expect(api.to(STAFF_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '1', status: 'revoked' });
    expect(searchOf(router)).toEqual({ status: 'revoked' });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('revoked');
  });

  it('filters by status and organization through the API and keeps the filters in the address', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [STAFF_SESSIONS]: sessionList([supportSession()]) });
    const { user, router } = renderRoute('/support/sessions');
    await sessionsTable();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'expired');
    await vi.waitFor(() => expect(api.to(STAFF_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '1', status: 'expired' }));
    await user.type(screen.getByRole('textbox', { name: 'Organization ID' }), ORG_ID);
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    await vi.waitFor(() => expect(api.to(STAFF_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '1', status: 'expired', org_id: ORG_ID }));
    expect(searchOf(router)).toEqual({ status: 'expired', org_id: ORG_ID });
  });

  it('points out an incomplete organization ID beside its field instead of asking the API', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [STAFF_SESSIONS]: sessionList([supportSession()]) });
    const { user } = renderRoute('/support/sessions');
    await sessionsTable();

    await user.type(screen.getByRole('textbox', { name: 'Organization ID' }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(screen.getByText('Enter a complete organization ID (a UUID)')).toBeInTheDocument();
    expect(api.to(STAFF_SESSIONS)).toHaveLength(1);
  });

  it('pages through the API and says which sessions are shown', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [STAFF_SESSIONS]: (request: ApiRequest) =>
        request.query.page === '2'
          ? sessionList([supportSession({ org_name: 'Last Corp' })], { pagination: { page: 2, total: 26 } })
          : sessionList(Array.from({ length: 25 }, () => supportSession()), { pagination: { page: 1, total: 26 } }),
    });
    const { user, router } = renderRoute('/support/sessions');
    await sessionsTable();
    expect(screen.getByText('Showing 1–25 of 26 sessions')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 2' }));

    expect(await screen.findByText('Showing 26–26 of 26 sessions')).toBeInTheDocument();
    expect(rowsOf(await sessionsTable())[0]).toHaveTextContent('Last Corp');
    expect(api.to(STAFF_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '2' });
    expect(searchOf(router)).toEqual({ page: '2' });
  });

  it('says when no session was ever opened, and where to start one', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [STAFF_SESSIONS]: sessionList([], { stats: { active: 0, revoked: 0, expired: 0 } }) });
    renderRoute('/support/sessions');

    expect(await screen.findByRole('heading', { name: 'No support sessions yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to tenant health' })).toHaveAttribute('href', '/support');
  });

  it('says when nothing matches the filters, and shows all sessions again on request', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [STAFF_SESSIONS]: (request: ApiRequest) => sessionList(request.query.status ? [] : [supportSession()]),
    });
    const { user, router } = renderRoute('/support/sessions?status=active');

    expect(await screen.findByRole('heading', { name: 'No sessions match these filters' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all sessions' }));

    expect(rowsOf(await sessionsTable())).toHaveLength(1);
    expect(api.to(STAFF_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '1' });
    expect(searchOf(router)).toEqual({});
  });

  it('shows a spinner while loading, and the error with a way to try again', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [STAFF_SESSIONS]: () => new Promise(() => undefined) });
    const loading = renderRoute('/support/sessions');
    expect(await screen.findByRole('status', { name: 'Loading support sessions' })).toBeInTheDocument();
    loading.unmount();

    mockApi({ ...restoredSession('platform', staffUser()), [STAFF_SESSIONS]: errorAnswer(400, 'org_id must be a UUID') });
    renderRoute('/support/sessions');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Support sessions could not be loaded');
    expect(alert).toHaveTextContent('org_id must be a UUID');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
