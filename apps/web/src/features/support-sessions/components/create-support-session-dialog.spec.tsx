import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openSupportTab } from '../../../lib/auth/support-handoff';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
// The dialog opens from the support console's tenant health table: the test drives it from there, as staff do.
import { TENANT_HEALTH_LIST, tenantHealthList, tenantHealthRow } from '../../support/testing/tenant-health-fixtures';
import { CREATE_SESSION } from '../testing/support-session-fixtures';

// The new tab and the token hand-over are the browser's business: here only that the dialog asks for them.
vi.mock('../../../lib/auth/support-handoff', async (importOriginal) => ({ ...(await importOriginal<object>()), openSupportTab: vi.fn(() => true) }));

const ORG_ID = '88888888-8888-4888-8888-888888888888';
const created = { id: '99999999-9999-4999-8999-000000000042', token: 'support-token', expires_at: '2026-12-01T10:15:00.000Z', scopes: ['read_only'], org_id: ORG_ID, target_user_id: '22222222-2222-4222-8222-222222222222' };
const TOTP_NEEDED = 'Enter the current code of your authenticator app (totp_code): this needs a second factor from the last 5 minutes';

function apiFor(role: 'super_admin' | 'support_admin', createAnswer: Parameters<typeof mockApi>[0][string] = { status: 201, body: created }) {
  return mockApi({
    ...restoredSession('platform', staffUser(role)),
    [TENANT_HEALTH_LIST]: tenantHealthList([tenantHealthRow({ org_id: ORG_ID, name: 'Acme Corp' })]),
    [CREATE_SESSION]: createAnswer,
  });
}

async function openDialog() {
  const view = renderRoute('/support');
  await view.user.click(await screen.findByRole('button', { name: 'Create support session for Acme Corp' }));
  const dialog = await screen.findByRole('dialog', { name: 'Support session for Acme Corp' });
  return { ...view, dialog };
}

/** Types a long text at once (a paste), which keeps the test fast. */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

beforeEach(() => {
  vi.mocked(openSupportTab).mockReset().mockReturnValue(true);
});

describe('create support session dialog: the form', () => {
  it('asks for a reason of at least 10 characters before it asks the API, counting what is typed', async () => {
    const api = apiFor('support_admin');
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Too short');
    expect(within(dialog).getByText(/At least 10 characters: 9 so far/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    expect(within(dialog).getByText('Say why you need access, in at least 10 characters')).toBeInTheDocument();
    expect(api.to(CREATE_SESSION)).toHaveLength(0);
  });

  it('sends reason, ticket, the duration chosen with the keyboard, read-only scope, and no code by default', async () => {
    const api = apiFor('support_admin');
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), '  Costs page shows no data  ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Ticket reference' }), 'SUP-4711');
    const duration = within(dialog).getByRole('slider', { name: 'Duration in minutes' });
    expect(duration).toHaveAttribute('aria-valuenow', '15');
    expect(within(dialog).getByText('Duration: 15 minutes')).toBeInTheDocument();
    duration.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(dialog).getByText('Duration: 17 minutes')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Read-only' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    await vi.waitFor(() => expect(api.to(CREATE_SESSION)).toHaveLength(1));
    expect(api.to(CREATE_SESSION)[0].body).toEqual({ org_id: ORG_ID, reason: 'Costs page shows no data', ticket_ref: 'SUP-4711', ttl_minutes: 17, scopes: ['read_only'] });
  });

  it('offers read and write to a support_admin only as a disabled choice that says why', async () => {
    apiFor('support_admin');
    const { dialog } = await openDialog();

    const readWrite = within(dialog).getByRole('radio', { name: 'Read and write' });
    expect(readWrite).toBeDisabled();
    expect(within(dialog).getByText('Only super admins can open a read and write session.')).toBeInTheDocument();
  });

  it('lets a super_admin open a read and write session', async () => {
    const api = apiFor('super_admin');
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Fix the broken budget for the customer');
    await user.click(within(dialog).getByRole('radio', { name: 'Read and write' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    await vi.waitFor(() => expect(api.to(CREATE_SESSION)).toHaveLength(1));
    expect(api.to(CREATE_SESSION)[0].body).toMatchObject({ scopes: ['read_write'], ttl_minutes: 15 });
  });
});

describe('create support session dialog: the answer', () => {
  it('opens the support tab with the new session, says which session until when, and closes', async () => {
    apiFor('support_admin');
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer cannot see their costs');
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    await vi.waitFor(() => expect(openSupportTab).toHaveBeenCalledWith(created.id, 'support-token'));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('Support session started');
    expect(toast).toHaveTextContent(`Session ${created.id} ends at ${new Date(created.expires_at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}`);
  });

  it('offers a button that opens the support tab when the browser blocked it', async () => {
    apiFor('support_admin');
    vi.mocked(openSupportTab).mockReturnValueOnce(false);
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer cannot see their costs');
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    expect(await within(dialog).findByText('Your browser blocked the new tab')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Open support tab' }));
    expect(openSupportTab).toHaveBeenCalledTimes(2);
    expect(openSupportTab).toHaveBeenLastCalledWith(created.id, 'support-token');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks for the authentication code when the API wants a fresh second factor, and sends it', async () => {
    const api = apiFor('support_admin', inTurn(errorAnswer(403, TOTP_NEEDED), { status: 201, body: created }));
    const { user, dialog } = await openDialog();
    expect(within(dialog).getByRole('textbox', { name: 'Authentication code' })).toHaveAccessibleDescription(/Not needed within 5 minutes of signing in/);

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer cannot see their costs');
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    expect(await within(dialog).findByText('Enter your authentication code')).toBeInTheDocument();
    const codeField = within(dialog).getByRole('textbox', { name: 'Authentication code' });
    expect(codeField).toHaveFocus();
    expect(codeField).toBeRequired();
    expect(openSupportTab).not.toHaveBeenCalled();

    // An empty field is pointed out rather than sent.
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));
    expect(within(dialog).getByText('Enter the 6 digits your authenticator app shows')).toBeInTheDocument();
    expect(api.to(CREATE_SESSION)).toHaveLength(1);

    await user.type(codeField, '123 456');
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    await vi.waitFor(() => expect(api.to(CREATE_SESSION)).toHaveLength(2));
    expect(api.to(CREATE_SESSION)[1].body).toMatchObject({ totp_code: '123456', reason: 'Customer cannot see their costs' });
    await vi.waitFor(() => expect(openSupportTab).toHaveBeenCalledWith(created.id, 'support-token'));
  });

  it.each([
    [403, 'The organization’s owner has turned platform support access off'],
    [409, 'Support sessions need an active organization; this one is suspended'],
  ])('shows the API’s %i in the dialog and keeps what was typed', async (status, message) => {
    apiFor('support_admin', errorAnswer(status, message));
    const { user, dialog } = await openDialog();

    await fill(user, within(dialog).getByRole('textbox', { name: 'Reason' }), 'Customer cannot see their costs');
    await user.click(within(dialog).getByRole('button', { name: 'Create session' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The session was not created');
    expect(alert).toHaveTextContent(message);
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveValue('Customer cannot see their costs');
    expect(within(dialog).queryByText('Enter your authentication code')).not.toBeInTheDocument();
    expect(openSupportTab).not.toHaveBeenCalled();
  });
});
