import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { forceLogoutRoute, hourlyPoints, tenantHealthDetail, tenantHealthRoute } from '../testing/tenant-health-fixtures';

const ORG_ID = '88888888-8888-4888-8888-888888888888';
const PAGE = `/support/tenants/${ORG_ID}`;

const critical = tenantHealthDetail({
  org_id: ORG_ID,
  name: 'Acme Corp',
  status: 'active',
  health: 'critical',
  api_calls_24h: 2480,
  errors_24h: 308,
  error_rate: 12.42,
  baseline_calls_per_day: 2210.5,
  last_seen_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  reason: 'error rate 12.42% ≥ 10% over 2480 calls in 24 h',
  hourly: hourlyPoints(
    (index) => (index === 40 ? 400 : 100),
    (index) => (index >= 24 ? 12 : 0),
  ),
});

describe('tenant detail: what it shows', () => {
  it('names the tenant and shows its health class, in words and colour, with the reason', async () => {
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [tenantHealthRoute(ORG_ID)]: { status: 200, body: critical } });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp' })).toBeInTheDocument();
    expect(screen.getByText(`Active organization · ID ${ORG_ID}`)).toBeInTheDocument();
    const health = screen.getByRole('region', { name: 'Health' });
    expect(within(health).getByText('Critical').closest('.mantine-Badge-root')).toHaveStyle({ '--badge-bg': 'var(--mantine-color-red-8)' });
    expect(health).toHaveTextContent('Why: error rate 12.42% ≥ 10% over 2480 calls in 24 h');
    expect(screen.getByRole('link', { name: 'All tenants' })).toHaveAttribute('href', '/support');
  });

  it('shows the four signals the class is judged from', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [tenantHealthRoute(ORG_ID)]: { status: 200, body: critical } });
    renderRoute(PAGE);

    expect(await screen.findByRole('group', { name: 'API calls (24 h)' })).toHaveTextContent('2,480');
    expect(screen.getByRole('group', { name: 'Errors (24 h)' })).toHaveTextContent('308Error rate 12.42%');
    expect(screen.getByRole('group', { name: 'Baseline' })).toHaveTextContent('2,210.5Calls a day over the 7 days before');
    expect(screen.getByRole('group', { name: 'Last seen' })).toHaveTextContent('2 hours ago');
  });

  it('describes the 48-hour chart in words and lists every hour in a table for screen readers', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [tenantHealthRoute(ORG_ID)]: { status: 200, body: critical } });
    renderRoute(PAGE);

    const chart = await screen.findByRole('img', { name: /^API calls per hour over the last 48 hours/ });
    // 47 hours of 100 calls and one of 400; 12 errors an hour over the last 24.
    expect(chart).toHaveAccessibleName(expect.stringContaining('5,100 calls and 288 errors in all'));
    expect(chart).toHaveAccessibleName(expect.stringContaining('had 400 calls'));
    const table = screen.getByRole('table', { name: 'API calls and errors per hour, last 48 hours' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(48);
    expect(rows[40]).toHaveTextContent(/400\s*12$/);
  });

  it('says there was no traffic instead of drawing an empty chart', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [tenantHealthRoute(ORG_ID)]: { status: 200, body: { ...critical, health: 'unknown', api_calls_24h: 0, errors_24h: 0, error_rate: null, last_seen_at: null, hourly: hourlyPoints(() => 0) } },
    });
    renderRoute(PAGE);

    expect(await screen.findByText('No API calls in the last 48 hours.')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /API calls per hour/ })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Errors (24 h)' })).toHaveTextContent('Error rate –');
    expect(screen.getByRole('group', { name: 'Last seen' })).toHaveTextContent('neverNo API call recorded');
  });

  it('shows a spinner while the tenant loads', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [tenantHealthRoute(ORG_ID)]: () => new Promise(() => undefined) });
    renderRoute(PAGE);

    expect(await screen.findByRole('status', { name: "Loading the tenant's health" })).toBeInTheDocument();
  });

  it('says clearly when the tenant does not exist', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [tenantHealthRoute(ORG_ID)]: errorAnswer(404, 'Organization not found') });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Tenant not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to tenant health' })).toHaveAttribute('href', '/support');
    expect(screen.queryByRole('button', { name: 'Force logout' })).not.toBeInTheDocument();
  });

  it('shows other errors with a way to try again', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [tenantHealthRoute(ORG_ID)]: errorAnswer(403, 'Forbidden resource') });
    const { user } = renderRoute(PAGE);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("The tenant's health could not be loaded");
    expect(alert).toHaveTextContent('Forbidden resource');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(api.to(tenantHealthRoute(ORG_ID))).toHaveLength(2));
  });
});

describe('tenant detail: support session', () => {
  it('opens the Create support session dialog for the tenant', async () => {
    mockApi({ ...restoredSession('platform', staffUser('support_admin')), [tenantHealthRoute(ORG_ID)]: { status: 200, body: critical } });
    const { user } = renderRoute(PAGE);

    await user.click(await screen.findByRole('button', { name: 'Create support session for Acme Corp' }));

    expect(await screen.findByRole('dialog', { name: 'Support session for Acme Corp' })).toBeInTheDocument();
  });
});

describe('tenant detail: force logout', () => {
  /** Opens the page of a tenant whose force logout the API answers with `answer`, and the confirmation dialog. */
  async function openForceLogoutDialog(answer: ApiAnswer) {
    const api = mockApi({ ...restoredSession('platform', staffUser('support_admin')), [tenantHealthRoute(ORG_ID)]: { status: 200, body: critical }, [forceLogoutRoute(ORG_ID)]: answer });
    const { user } = renderRoute(PAGE);
    await user.click(await screen.findByRole('button', { name: 'Force logout' }));
    const dialog = await screen.findByRole('dialog', { name: 'Force logout of Acme Corp?' });
    return { api, user, dialog, forceLogoutRequests: () => api.to(forceLogoutRoute(ORG_ID)) };
  }

  it('explains what happens, sends nothing until confirmed, then revokes and says how many sessions ended', async () => {
    const { user, dialog, forceLogoutRequests } = await openForceLogoutDialog({ status: 200, body: { revoked_sessions: 3 } });
    expect(dialog).toHaveTextContent('Every session of every user of Acme Corp ends at once');
    expect(forceLogoutRequests()).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Force logout' }));

    expect(await screen.findByText('3 sessions revoked')).toBeInTheDocument();
    expect(forceLogoutRequests()).toHaveLength(1);
    expect(forceLogoutRequests()[0].body).toEqual({});
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('sends nothing when cancelled', async () => {
    const { user, dialog, forceLogoutRequests } = await openForceLogoutDialog({ status: 200, body: { revoked_sessions: 3 } });

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(forceLogoutRequests()).toHaveLength(0);
  });

  it('shows the API refusal in the dialog', async () => {
    const { user, dialog } = await openForceLogoutDialog(errorAnswer(403, 'Your role may not do this'));

    await user.click(within(dialog).getByRole('button', { name: 'Force logout' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your role may not do this');
    expect(screen.queryByText(/sessions? revoked/)).not.toBeInTheDocument();
  });

  it('says "1 session" for one', async () => {
    const { user, dialog } = await openForceLogoutDialog({ status: 200, body: { revoked_sessions: 1 } });

    await user.click(within(dialog).getByRole('button', { name: 'Force logout' }));

    expect(await screen.findByText('1 session revoked')).toBeInTheDocument();
  });
});
