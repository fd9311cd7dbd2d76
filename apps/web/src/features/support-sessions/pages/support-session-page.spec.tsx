import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { accessLogEntry, revokeRoute, sessionDetail, staffSessionRoute, supportSession } from '../testing/support-session-fixtures';

const active = supportSession({ org_name: 'Acme Corp', platform_user_email: 'sam@keel.test', target_user_email: 'owner@acme.example', request_count: 2 });
const PAGE = `/support/sessions/${active.id}`;
const revokedAt = new Date().toISOString();
const revoked = { ...active, status: 'revoked' as const, ended_at: revokedAt, end_reason: 'revoked' as const, revoke_reason: 'Ticket solved' };

const card = (name: string) => screen.getByRole('region', { name });
const accessLog = () => screen.findByRole('table', { name: 'Access log' });

describe('support session detail', () => {
  it('shows the session details and timing cards', async () => {
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [staffSessionRoute(active.id)]: sessionDetail(active) });
    renderRoute(PAGE);

    const details = await screen.findByRole('region', { name: 'Session details' });
    expect(screen.getByRole('heading', { level: 1, name: 'Support session' })).toBeInTheDocument();
    expect(screen.getByText(`sam@keel.test in Acme Corp, issued ${formatDateTime(active.created_at)} · ID ${active.id}`)).toBeInTheDocument();
    expect(details).toHaveTextContent('StatusActive');
    expect(details).toHaveTextContent(`TenantAcme Corp${active.org_id}`);
    expect(details).toHaveTextContent(`Acting asowner@acme.example${active.target_user_id}`);
    expect(details).toHaveTextContent(`Staff membersam@keel.test${active.platform_user_id}`);
    expect(details).toHaveTextContent('ScopeRead-only');
    expect(details).toHaveTextContent('ReasonCustomer reports missing AWS costs since Monday');
    expect(details).toHaveTextContent('TicketSUP-4711');
    const timing = card('Timing');
    expect(timing).toHaveTextContent(`Issued${formatDateTime(active.created_at)}`);
    expect(timing).toHaveTextContent(`Expires${formatDateTime(active.expires_at)}`);
    expect(timing).toHaveTextContent('Ended atStill active');
    expect(screen.getByRole('link', { name: 'All support sessions' })).toHaveAttribute('href', '/support/sessions');
  });

  it('lists the access log with method, path, status, request id and time, and pages through it', async () => {
    const refused = accessLogEntry({ method: 'PATCH', path: '/api/v1/org/settings', status: 403, request_id: 'req-refused' });
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [staffSessionRoute(active.id)]: (request: ApiRequest) =>
        request.query.page === '2'
          ? sessionDetail(active, [accessLogEntry({ path: '/api/v1/budgets' })], { page: 2, total: 51 })
          : sessionDetail(active, [refused, ...Array.from({ length: 49 }, () => accessLogEntry())], { page: 1, total: 51 }),
    });
    const { user, router } = renderRoute(PAGE);

    const table = await accessLog();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Method', 'Path', 'Status', 'Request ID', 'Time']);
    const first = within(table).getAllByRole('row')[1];
    expect(first).toHaveTextContent(`PATCH/api/v1/org/settings403req-refused${formatDateTime(refused.created_at)}`);
    expect(within(first).getByText('403').closest('.mantine-Badge-root')).toHaveStyle({ '--badge-bg': 'var(--mantine-color-red-8)' });
    expect(screen.getByText('Showing 1–50 of 51 requests')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 2' }));

    expect(await screen.findByText('Showing 51–51 of 51 requests')).toBeInTheDocument();
    expect(within(await accessLog()).getByText('/api/v1/budgets')).toBeInTheDocument();
    expect(api.to(`GET /api/v1/platform/support-sessions/${active.id}`).at(-1)?.query).toEqual({ page: '2', limit: '50' });
    expect(router.state.location.search).toBe('?page=2');
  });

  it('says when the session has made no request yet', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [staffSessionRoute(active.id)]: sessionDetail(active, []) });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { name: 'No requests yet' })).toBeInTheDocument();
  });

  it('revokes an active session after a confirmation, with the optional reason, and shows it revoked', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser('support_admin')),
      [staffSessionRoute(active.id)]: inTurn(sessionDetail(active), sessionDetail(revoked)),
      [revokeRoute(active.id)]: { status: 200, body: revoked },
    });
    const { user } = renderRoute(PAGE);
    await user.click(await screen.findByRole('button', { name: 'Revoke session' }));

    const dialog = await screen.findByRole('dialog', { name: 'Revoke this support session?' });
    expect(dialog).toHaveTextContent('sam@keel.test can no longer act as owner@acme.example in Acme Corp');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'Ticket solved');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke session' }));

    await vi.waitFor(() => expect(api.to(`POST /api/v1/platform/support-sessions/${active.id}/revoke`)).toHaveLength(1));
    expect(api.to(`POST /api/v1/platform/support-sessions/${active.id}/revoke`)[0].body).toEqual({ reason: 'Ticket solved' });
    expect(await screen.findByText('Support session revoked')).toBeInTheDocument();
    await vi.waitFor(() => expect(card('Session details')).toHaveTextContent('StatusRevoked'));
    expect(card('Timing')).toHaveTextContent(`Revoked at${formatDateTime(revokedAt)}`);
    expect(card('Timing')).toHaveTextContent('End reasonRevoked');
    expect(card('Timing')).toHaveTextContent('Revoke reasonTicket solved');
    expect(screen.queryByRole('button', { name: 'Revoke session' })).not.toBeInTheDocument();
  });

  it('revokes without a reason, and shows the API’s refusal in the dialog', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [staffSessionRoute(active.id)]: sessionDetail(active),
      [revokeRoute(active.id)]: errorAnswer(409, 'This support session has already expired'),
    });
    const { user } = renderRoute(PAGE);
    await user.click(await screen.findByRole('button', { name: 'Revoke session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this support session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke session' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This support session has already expired');
    expect(api.to(`POST /api/v1/platform/support-sessions/${active.id}/revoke`)[0].body).toEqual({});
  });

  it('offers no revoke on a session that already ended, and says how it ended', async () => {
    const expired = { ...active, status: 'expired' as const, ended_at: active.expires_at, end_reason: 'expired' as const };
    mockApi({ ...restoredSession('platform', staffUser()), [staffSessionRoute(active.id)]: sessionDetail(expired) });
    renderRoute(PAGE);

    await vi.waitFor(() => expect(card('Session details')).toHaveTextContent('StatusExpired'));
    expect(card('Timing')).toHaveTextContent('End reasonExpired');
    expect(screen.queryByRole('button', { name: 'Revoke session' })).not.toBeInTheDocument();
  });

  it('says so when no session has the id, and leads back to the list', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [staffSessionRoute(active.id)]: errorAnswer(404, 'No such support session') });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { name: 'No support session has this ID' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'All support sessions' })).toHaveLength(2);
  });

  it('shows any other error with a way to try again', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [staffSessionRoute(active.id)]: errorAnswer(429, 'Too many requests') });
    renderRoute(PAGE);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The support session could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
