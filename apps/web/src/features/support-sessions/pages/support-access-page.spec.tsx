import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { accessLogEntry, ORG_SESSIONS, orgSessionRoute, sessionDetail, sessionList, supportSession } from '../testing/support-session-fixtures';

const session = supportSession({ platform_user_email: 'sam@keel.test', target_user_email: 'owner@acme.example', reason: 'Customer asked why their budget alert fired' });

describe('support access (the org’s own view)', () => {
  it('lists every support session on the org, without a tenant column or organization filter', async () => {
    const api = mockApi({ ...restoredSession('tenant', tenantUser('admin')), [ORG_SESSIONS]: sessionList([session], { stats: { active: 1, revoked: 0, expired: 3 } }) });
    renderRoute('/app/support-access');

    const table = await screen.findByRole('table', { name: 'Support sessions' });
    expect(screen.getByRole('heading', { level: 1, name: 'Support access' })).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Status', 'Acting as', 'Staff member', 'Scope', 'Reason', 'Issued', 'Expires', 'Requests', 'Details']);
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent(/^Active\s*owner@acme\.example\s*sam@keel\.test\s*Read-only\s*Customer asked why their budget alert fired/);
    expect(within(row).getByRole('link', { name: /^Details of the session of sam@keel\.test/ })).toHaveAttribute('href', `/app/support-access/${session.id}`);
    expect(screen.getByRole('group', { name: 'Expired' })).toHaveTextContent('3');
    expect(screen.queryByRole('textbox', { name: 'Organization ID' })).not.toBeInTheDocument();
    expect(api.to(ORG_SESSIONS)[0].query).toEqual({ limit: '25', page: '1' });
  });

  it('tells the org how to refuse support access, with a link to Settings', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('owner')), [ORG_SESSIONS]: sessionList([session]) });
    renderRoute('/app/support-access');

    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('an owner turns platform support access off in Settings');
    expect(within(note).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/app/settings');
  });

  it('filters by status through the API', async () => {
    const api = mockApi({ ...restoredSession('tenant', tenantUser('owner')), [ORG_SESSIONS]: sessionList([session]) });
    const { user } = renderRoute('/app/support-access');
    await screen.findByRole('table', { name: 'Support sessions' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');

    await vi.waitFor(() => expect(api.to(ORG_SESSIONS).at(-1)?.query).toEqual({ limit: '25', page: '1', status: 'active' }));
  });

  it('says when staff never opened a session on the org', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('owner')), [ORG_SESSIONS]: sessionList([], { stats: { active: 0, revoked: 0, expired: 0 } }) });
    renderRoute('/app/support-access');

    expect(await screen.findByRole('heading', { name: 'No support sessions yet' })).toBeInTheDocument();
    expect(screen.getByText("Keel's platform staff have never opened a support session on your organization.")).toBeInTheDocument();
  });
});

describe('one support session, as the org sees it', () => {
  it('shows who, as whom, why, when and every request, with no revoke button but the way to refuse support access', async () => {
    const ended = { ...session, status: 'revoked' as const, ended_at: new Date().toISOString(), end_reason: 'ended' as const };
    const api = mockApi({
      ...restoredSession('tenant', tenantUser('owner')),
      [orgSessionRoute(session.id)]: sessionDetail(ended, [accessLogEntry({ method: 'GET', path: '/api/v1/budgets', status: 200 }), accessLogEntry({ method: 'DELETE', path: '/api/v1/budgets/1', status: 403 })]),
    });
    renderRoute(`/app/support-access/${session.id}`);

    const details = await screen.findByRole('region', { name: 'Session details' });
    expect(details).toHaveTextContent('Staff membersam@keel.test');
    expect(details).toHaveTextContent('Acting asowner@acme.example');
    expect(details).toHaveTextContent('ReasonCustomer asked why their budget alert fired');
    expect(screen.getByRole('region', { name: 'Timing' })).toHaveTextContent('End reasonEnded from the support tab');
    const rows = within(screen.getByRole('table', { name: 'Access log' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringMatching(/^GET\/api\/v1\/budgets200/), expect.stringMatching(/^DELETE\/api\/v1\/budgets\/1403/)]);
    expect(screen.queryByRole('button', { name: 'Revoke session' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('note')).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/app/settings');
    expect(screen.getByRole('link', { name: 'Support access', current: false })).toHaveAttribute('href', '/app/support-access');
    expect(api.to(`GET /api/v1/org/support-sessions/${session.id}`)[0].query).toEqual({ page: '1', limit: '50' });
  });
});
