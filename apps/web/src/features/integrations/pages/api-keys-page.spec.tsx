import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { apiKey, itemsAnswer } from '../testing/integrations-fixtures';
import { endOfLocalDay, localDateInputValue } from '../utils/expiry-date';

const LIST = 'GET /api/v1/platform/api-keys';
const CREATE = 'POST /api/v1/platform/api-keys';
const SECRET = 'keel_Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE';

const keysTable = () => screen.findByRole('table', { name: 'API keys' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localDateInputValue(date);
}

describe('API keys page: the list', () => {
  it('shows each key by name, role, prefix, dates and last use, never its secret', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([
        apiKey({ name: 'Billing sync', role: 'super_admin', prefix: 'keel_Ab3dE5g', expires_at: inAnHour, last_used_at: new Date(Date.now() - 5 * 60_000).toISOString() }),
        apiKey({ name: 'On-call pager', prefix: 'keel_Qr7sT9u' }),
        apiKey({ name: 'Old export', prefix: 'keel_Old0000', expires_at: '2026-01-01T00:00:00.000Z' }),
      ]),
    });
    renderRoute('/platform/api-keys');

    const [billing, pager, old] = rowsOf(await keysTable());
    expect(billing).toHaveTextContent('Billing sync');
    expect(billing).toHaveTextContent('Super admin');
    expect(within(billing).getByText('keel_Ab3dE5g…')).toBeInTheDocument();
    expect(billing).toHaveTextContent('5 minutes ago');
    expect(billing).not.toHaveTextContent('Expired');
    expect(pager).toHaveTextContent('Support admin');
    // Neither expiry nor use yet.
    expect(within(pager).getAllByText('Never')).toHaveLength(2);
    expect(within(old).getByText('Expired')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'API keys' })).toBeInTheDocument();
  });

  it('explains what keys are for when there is none, and offers to create one', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]) });
    const { user } = renderRoute('/platform/api-keys');

    expect(await screen.findByRole('heading', { name: 'No API keys yet' })).toBeInTheDocument();
    expect(screen.getByText(/calls Keel with an API key/)).toBeInTheDocument();
    const createButtons = screen.getAllByRole('button', { name: 'Create API key' });
    expect(createButtons).toHaveLength(1);

    await user.click(createButtons[0]);
    expect(await screen.findByRole('dialog', { name: 'Create API key' })).toBeInTheDocument();
  });

  it('says when the keys cannot be read, and reads them again on request', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(errorAnswer(403, 'The caller may not use this route'), itemsAnswer([apiKey({ name: 'Billing sync' })])),
    });
    const { user } = renderRoute('/platform/api-keys');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The API keys could not be loaded');
    expect(alert).toHaveTextContent('The caller may not use this route');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(rowsOf(await keysTable())[0]).toHaveTextContent('Billing sync');
    expect(api.to(LIST)).toHaveLength(2);
  });
});

describe('API keys page: creating a key', () => {
  it('sends name, role and the end of the chosen day, then shows the secret once with a Copy button', async () => {
    const expiresOn = daysFromToday(30);
    const created = { ...apiKey({ name: 'Billing sync', role: 'super_admin', prefix: SECRET.slice(0, 12) }), key: SECRET, expires_at: endOfLocalDay(expiresOn) };
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(itemsAnswer([]), itemsAnswer([{ ...created, key: undefined, last_used_at: null }])),
      [CREATE]: { status: 201, body: created },
    });
    const { user } = renderRoute('/platform/api-keys');
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));

    const form = await screen.findByRole('dialog', { name: 'Create API key' });
    await user.type(within(form).getByRole('textbox', { name: /Name/ }), '  Billing sync ');
    await user.selectOptions(within(form).getByRole('combobox', { name: /Role/ }), 'super_admin');
    await user.type(within(form).getByLabelText(/Expires on/), expiresOn);
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const secretDialog = await screen.findByRole('dialog', { name: 'API key “Billing sync” created' });
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Billing sync', role: 'super_admin', expires_at: endOfLocalDay(expiresOn) });
    expect(within(secretDialog).getByRole('textbox', { name: 'API key' })).toHaveValue(SECRET);
    expect(secretDialog).toHaveTextContent('You will not see this again');

    await user.click(within(secretDialog).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(secretDialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument();

    // The list shows the new key behind the dialog, by its prefix.
    expect(rowsOf(await keysTable())[0]).toHaveTextContent(`${SECRET.slice(0, 12)}…`);
  });

  it('closes the secret only after the person says they stored it, and then shows it nowhere', async () => {
    const created = { ...apiKey({ name: 'Billing sync' }), key: SECRET };
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([apiKey({ name: 'Older key' })]),
      [CREATE]: { status: 201, body: created },
    });
    const { user } = renderRoute('/platform/api-keys');
    await keysTable();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await user.type(within(await screen.findByRole('dialog', { name: 'Create API key' })).getByRole('textbox', { name: /Name/ }), 'Billing sync{Enter}');

    const secretDialog = await screen.findByRole('dialog', { name: /created/ });
    const close = within(secretDialog).getByRole('button', { name: 'Close' });
    expect(close).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(secretDialog).toBeInTheDocument();

    await user.click(within(secretDialog).getByRole('checkbox', { name: 'I have stored it somewhere safe' }));
    await user.click(close);

    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('sends no expiry for a key that never expires, with the support role by default', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([]),
      [CREATE]: { status: 201, body: { ...apiKey({ name: 'Pager' }), key: SECRET } },
    });
    const { user } = renderRoute('/platform/api-keys');
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    await user.type(within(await screen.findByRole('dialog', { name: 'Create API key' })).getByRole('textbox', { name: /Name/ }), 'Pager{Enter}');

    await screen.findByRole('dialog', { name: /created/ });
    expect(api.to(CREATE)[0].body).toEqual({ name: 'Pager', role: 'support_admin' });
  });

  it('asks for a name and a future expiry before sending anything', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]) });
    const { user } = renderRoute('/platform/api-keys');
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const form = await screen.findByRole('dialog', { name: 'Create API key' });

    await user.type(within(form).getByLabelText(/Expires on/), daysFromToday(0));
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    expect(within(form).getByText('Name the key after what uses it')).toBeInTheDocument();
    expect(within(form).getByText('Choose a day after today')).toBeInTheDocument();
    expect(api.to(CREATE)).toHaveLength(0);
  });

  it('keeps the form open with the API’s reason when it refuses the key', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]), [CREATE]: errorAnswer(400, 'expires_at must lie in the future') });
    const { user } = renderRoute('/platform/api-keys');
    await user.click(await screen.findByRole('button', { name: 'Create API key' }));
    const form = await screen.findByRole('dialog', { name: 'Create API key' });

    await user.type(within(form).getByRole('textbox', { name: /Name/ }), 'Billing sync{Enter}');

    expect(await within(form).findByRole('alert')).toHaveTextContent('expires_at must lie in the future');
    expect(screen.queryByRole('dialog', { name: /created/ })).not.toBeInTheDocument();
  });
});

describe('API keys page: revoking a key', () => {
  it('revokes only after the confirmation, which says integrations stop at once', async () => {
    const billing = apiKey({ name: 'Billing sync', prefix: 'keel_Ab3dE5g' });
    const revokePath = `DELETE /api/v1/platform/api-keys/${billing.id}`;
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(itemsAnswer([billing]), itemsAnswer([])),
      [revokePath]: { status: 204 },
    });
    const { user } = renderRoute('/platform/api-keys');
    await keysTable();

    await user.click(screen.getByRole('button', { name: 'Revoke Billing sync' }));
    let dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    expect(dialog).toHaveTextContent('keel_Ab3dE5g…');
    expect(dialog).toHaveTextContent('stops working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to(revokePath)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke Billing sync' }));
    dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('API key revoked')).toBeInTheDocument();
    expect(api.to(revokePath)).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'No API keys yet' })).toBeInTheDocument();
  });

  it('shows why a revocation failed inside the dialog', async () => {
    const billing = apiKey({ name: 'Billing sync' });
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([billing]),
      [`DELETE /api/v1/platform/api-keys/${billing.id}`]: errorAnswer(404, 'No such API key'),
    });
    const { user } = renderRoute('/platform/api-keys');
    await keysTable();

    await user.click(screen.getByRole('button', { name: 'Revoke Billing sync' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('No such API key');
  });
});
