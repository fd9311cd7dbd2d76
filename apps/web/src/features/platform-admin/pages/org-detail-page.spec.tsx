import type { OrgDetailDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ok, ORG_ID, orgDetail, quietChartSizeWarnings } from '../testing/platform-fixtures';


const ORG = `/api/v1/platform/orgs/${ORG_ID}`;
const DETAIL_PAGE = `/platform/orgs/${ORG_ID}`;

/** The API of one org whose state the mutations change, as the real one would. */
function orgApi(initial: Partial<OrgDetailDto> = {}, routes: Record<string, ApiAnswer | ((request: ApiRequest) => ApiAnswer)> = {}) {
  let org = orgDetail(initial);
  const update = (changes: Partial<OrgDetailDto>) => {
    org = { ...org, ...changes };
    return ok(org);
  };
  const sent = (request: ApiRequest) => request.body as Record<string, never>;
  return mockApi({
    ...restoredSession('platform', staffUser()),
    [`GET ${ORG}`]: () => ok(org),
    [`PATCH ${ORG}/plan`]: (request) => update({ plan: sent(request).plan }),
    [`PATCH ${ORG}/require-2fa`]: (request) => update({ require_2fa: sent(request).required }),
    [`POST ${ORG}/disable`]: (request) => update({ status: 'suspended', status_reason: sent(request).reason }),
    [`POST ${ORG}/enable`]: () => update({ status: 'active', status_reason: null }),
    [`POST ${ORG}/approve`]: () => update({ status: 'active' }),
    [`POST ${ORG}/reject`]: (request) => update({ status: 'rejected', status_reason: sent(request).reason }),
    [`DELETE ${ORG}`]: () => {
      update({ status: 'pending_deletion', deletion_scheduled_at: '2026-12-07T10:00:00.000Z' });
      return ok({ deletion_scheduled_at: org.deletion_scheduled_at }, 202);
    },
    [`POST ${ORG}/restore`]: () => update({ status: 'active', deletion_scheduled_at: null }),
    ...routes,
  });
}

/** Opens an action's dialog, found by its title: the previous dialog may still be fading out. */
async function openAction(user: ReturnType<typeof renderRoute>['user'], name: string, title = name) {
  await user.click(await screen.findByRole('button', { name: 'Actions' }));
  await user.click(await screen.findByRole('menuitem', { name }));
  return screen.findByRole('dialog', { name: title });
}

async function menuItems(user: ReturnType<typeof renderRoute>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Actions' }));
  const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
  await user.keyboard('{Escape}');
  return items;
}

describe('OrgDetailPage: what it shows', () => {
  beforeEach(quietChartSizeWarnings);

  it('shows the org with its badges, its totals and its cost by provider', async () => {
    orgApi({ plan: 'enterprise', require_2fa: true });
    renderRoute(DETAIL_PAGE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp' })).toBeInTheDocument();
    for (const text of ['acme', 'Active', 'Enterprise', '2FA required']) expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    expect(screen.getByRole('group', { name: 'Total cost' })).toHaveTextContent('$12,345.67');
    expect(screen.getByRole('group', { name: 'Sync errors' })).toHaveTextContent('0');
    const costs = screen.getByRole('table', { name: 'Cost of Acme Corp by cloud provider' });
    expect(within(costs).getAllByRole('row')[1]).toHaveTextContent('AWS$10,000.00900');
    expect(within(costs).getAllByRole('row')[2]).toHaveTextContent('Google Cloud$2,345.67300');
  });

  it('moves between the tabs with the arrow keys, and keeps the tab in the address', async () => {
    orgApi();
    const { user, router } = renderRoute(DETAIL_PAGE);

    await user.click(await screen.findByRole('tab', { name: 'Overview' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
    const users = await screen.findByRole('table', { name: 'Users of Acme Corp' });
    expect(within(users).getAllByRole('row')[1]).toHaveTextContent('Olivia Owner');
    expect(within(users).getAllByRole('row')[1]).toHaveTextContent('owner@acme.example');
    expect(within(users).getAllByRole('row')[2]).toHaveTextContent('Not set up');
    expect(router.state.location.search).toBe('?tab=users');

    await user.keyboard('{ArrowRight}');
    const accounts = await screen.findByRole('table', { name: 'Cloud accounts of Acme Corp' });
    expect(within(accounts).getAllByRole('row')[2]).toHaveTextContent('Permission denied on billing export');
  });

  it('leads to the org’s entries in the platform audit log', async () => {
    orgApi();
    renderRoute(`${DETAIL_PAGE}?tab=audit`);

    expect(await screen.findByRole('link', { name: 'Open this organization’s audit entries' })).toHaveAttribute('href', `/platform/audit-log?org=${ORG_ID}`);
  });

  it('says so when the org does not exist', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [`GET ${ORG}`]: errorAnswer(404, 'Organization not found') });
    renderRoute(DETAIL_PAGE);

    expect(await screen.findByRole('heading', { name: 'Organization not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All organizations' })).toHaveAttribute('href', '/platform/orgs');
  });

  it('offers only the actions valid in each status', async () => {
    orgApi({ status: 'active' });
    const { user, unmount } = renderRoute(DETAIL_PAGE);
    expect(await menuItems(user)).toEqual(['Change plan', 'Require 2FA', 'Contact admins', 'Disable organization', 'Delete organization']);
    unmount();

    orgApi({ status: 'pending' });
    const pending = renderRoute(DETAIL_PAGE);
    expect(await menuItems(pending.user)).toEqual(['Approve sign-up', 'Reject sign-up', 'Change plan', 'Require 2FA', 'Contact admins', 'Delete organization']);
    pending.unmount();

    orgApi({ status: 'pending_deletion', deletion_scheduled_at: '2026-12-07T10:00:00.000Z' });
    const deleting = renderRoute(DETAIL_PAGE);
    expect(await menuItems(deleting.user)).toEqual(['Restore organization']);
  });
});

describe('OrgDetailPage: actions', () => {
  beforeEach(quietChartSizeWarnings);

  it('changes the plan and shows the new one', async () => {
    const api = orgApi({ plan: 'free' });
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Change plan');
    expect(within(dialog).getByRole('button', { name: 'Change plan' })).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Enterprise' }));
    await user.click(within(dialog).getByRole('button', { name: 'Change plan' }));

    expect(await screen.findByText('Acme Corp is now on the Enterprise plan.')).toBeInTheDocument();
    expect(api.to(`PATCH ${ORG}/plan`)[0].body).toEqual({ plan: 'enterprise' });
    await vi.waitFor(() => expect(screen.getAllByText('Enterprise').length).toBeGreaterThan(0));
  });

  it('requires 2FA after a confirmation', async () => {
    const api = orgApi({ require_2fa: false });
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Require 2FA', 'Require two-factor authentication');
    expect(dialog).toHaveTextContent('must set up an authenticator app at their next sign-in');
    await user.click(within(dialog).getByRole('button', { name: 'Require 2FA' }));

    await vi.waitFor(() => expect(api.to(`PATCH ${ORG}/require-2fa`)[0]?.body).toEqual({ required: true }));
    expect(await screen.findByText('2FA required')).toBeInTheDocument();
  });

  it('contacts the admins and says how many received it', async () => {
    const api = orgApi({}, { [`POST ${ORG}/contact`]: ok({ recipients: 2 }, 202) });
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Contact admins');
    await user.click(within(dialog).getByRole('button', { name: 'Send message' }));
    expect(within(dialog).getByText('Enter a subject')).toBeInTheDocument();
    expect(api.to(`POST ${ORG}/contact`)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Subject' }), ' Maintenance tonight ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Message' }), 'We upgrade at 22:00 UTC.');
    expect(within(dialog).getByText('24 of 10,000 characters')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText('Sent to 2 recipients.')).toBeInTheDocument();
    expect(api.to(`POST ${ORG}/contact`)[0].body).toEqual({ subject: 'Maintenance tonight', message: 'We upgrade at 22:00 UTC.' });
  });

  it('disables with a required reason and enables again', async () => {
    const api = orgApi();
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Disable organization');
    const confirm = within(dialog).getByRole('button', { name: 'Disable' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Unpaid invoices since October');
    await user.click(confirm);

    expect(await screen.findByText('Nobody in this organization can sign in or use the API. Reason: Unpaid invoices since October')).toBeInTheDocument();
    expect(api.to(`POST ${ORG}/disable`)[0].body).toEqual({ reason: 'Unpaid invoices since October' });

    const enable = await openAction(user, 'Enable organization');
    await user.click(within(enable).getByRole('button', { name: 'Enable' }));
    await vi.waitFor(() => expect(screen.queryByText(/Nobody in this organization can sign in/)).not.toBeInTheDocument());
    expect(api.to(`POST ${ORG}/enable`)[0].body).toEqual({});
  });

  it('shows the API’s refusal inside the dialog', async () => {
    orgApi({}, { [`POST ${ORG}/disable`]: errorAnswer(409, 'The organization is suspended; this needs it active') });
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Disable organization');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Abuse report 1234');
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The organization is suspended; this needs it active');
  });

  it('deletes only once the slug is typed, shows the scheduled date, and restores', async () => {
    const api = orgApi();
    const { user } = renderRoute(DETAIL_PAGE);

    const dialog = await openAction(user, 'Delete organization');
    const confirm = within(dialog).getByRole('button', { name: 'Delete organization' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Type acme to confirm' }), 'acm');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Type acme to confirm' }), 'e');
    await user.click(confirm);

    const scheduled = new Date('2026-12-07T10:00:00.000Z');
    expect(await screen.findByText(`Acme Corp will be deleted on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(scheduled)}.`)).toBeInTheDocument();
    expect(api.to(`DELETE ${ORG}`)[0].body).toEqual({ confirmation: 'acme' });
    expect(await screen.findByText('Scheduled for deletion')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    const restore = await screen.findByRole('dialog', { name: 'Restore organization' });
    await user.click(within(restore).getByRole('button', { name: 'Restore' }));
    await vi.waitFor(() => expect(screen.queryByText('Scheduled for deletion')).not.toBeInTheDocument());
    expect(api.to(`POST ${ORG}/restore`)).toHaveLength(1);
  });

  it('approves a pending sign-up from its notice', async () => {
    const api = orgApi({ status: 'pending' });
    const { user } = renderRoute(DETAIL_PAGE);

    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve sign-up' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('Acme Corp is active; its owner can sign in.')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByText('Waiting for approval')).not.toBeInTheDocument());
    expect(api.to(`POST ${ORG}/approve`)[0].body).toEqual({});
  });

  it('rejects a pending sign-up with its reason', async () => {
    const api = orgApi({ status: 'pending' });
    const { user } = renderRoute(DETAIL_PAGE);

    expect(await screen.findByText('Waiting for approval')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject sign-up' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Not a real company');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

    expect(await screen.findByText('This organization was not approved. Reason: Not a real company')).toBeInTheDocument();
    expect(api.to(`POST ${ORG}/reject`)[0].body).toEqual({ reason: 'Not a real company' });
    expect(api.to(`POST ${ORG}/approve`)).toHaveLength(0);
  });

  it('resets a user’s MFA after a confirmation', async () => {
    const owner = orgDetail().users[0];
    const api = orgApi({}, { [`POST ${ORG}/users/${owner.id}/reset-mfa`]: ok({ success: true }) });
    const { user } = renderRoute(`${DETAIL_PAGE}?tab=users`);

    await user.click(await screen.findByRole('button', { name: `Reset two-factor authentication of ${owner.email}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset two-factor authentication' });
    expect(dialog).toHaveTextContent(`${owner.email} loses their authenticator app`);
    await user.click(within(dialog).getByRole('button', { name: 'Reset 2FA' }));

    expect(await screen.findByText(`${owner.email} sets it up again at their next sign-in.`)).toBeInTheDocument();
    expect(api.to(`POST ${ORG}/users/${owner.id}/reset-mfa`)[0].body).toEqual({});
    // Nobody without an authenticator is offered a reset.
    expect(screen.queryByRole('button', { name: /Reset two-factor authentication of viewer@acme.example/ })).not.toBeInTheDocument();
  });

  it('deletes a cloud account after a confirmation that lists what goes with it', async () => {
    const account = orgDetail().cloud_accounts[0];
    const api = orgApi({}, { [`DELETE ${ORG}/accounts/${account.id}`]: { status: 204 } });
    const { user } = renderRoute(`${DETAIL_PAGE}?tab=accounts`);

    await user.click(await screen.findByRole('button', { name: `Delete ${account.name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete cloud account' });
    for (const text of ['its cost rows and sync jobs', 'the budgets and alert rules on it', 'the users’ access grants to it']) expect(dialog).toHaveTextContent(text);
    await user.click(within(dialog).getByRole('button', { name: 'Delete account' }));

    expect(await screen.findByText('Cloud account deleted')).toBeInTheDocument();
    expect(api.to(`DELETE ${ORG}/accounts/${account.id}`)).toHaveLength(1);
    // The org is read again, for its new counts.
    expect(api.to(`GET ${ORG}`).length).toBeGreaterThan(1);
  });
});
