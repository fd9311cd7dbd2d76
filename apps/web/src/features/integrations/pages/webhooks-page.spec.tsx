import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { itemsAnswer, webhook } from '../testing/integrations-fixtures';

const LIST = 'GET /api/v1/platform/webhooks';
const CREATE = 'POST /api/v1/platform/webhooks';
const SIGNING_SECRET = 'whsec_9f8e7d6c5b4a39281706f5e4';

const webhooksTable = () => screen.findByRole('table', { name: 'Webhooks' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

async function openAddDialog(user: ReturnType<typeof renderRoute>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
  return screen.findByRole('dialog', { name: 'Add webhook' });
}

describe('webhooks page: the list', () => {
  it('shows each webhook’s URL, linking to its deliveries, with its events', async () => {
    const billing = webhook({ url: 'https://billing.example.com/keel', events: ['org.created', 'org.plan_changed'] });
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([billing, webhook({ url: 'https://siem.example.com/in', events: ['audit.entry'] })]),
      [`GET /api/v1/platform/webhooks/${billing.id}/deliveries`]: itemsAnswer([]),
    });
    const { user, router } = renderRoute('/platform/webhooks');

    const [first, second] = rowsOf(await webhooksTable());
    expect(within(first).getByText('org.created')).toBeInTheDocument();
    expect(within(first).getByText('org.plan_changed')).toBeInTheDocument();
    expect(within(second).getByText('audit.entry')).toBeInTheDocument();
    expect(within(second).queryByText('org.created')).not.toBeInTheDocument();

    await user.click(within(first).getByRole('link', { name: 'https://billing.example.com/keel' }));
    expect(router.state.location.pathname).toBe(`/platform/webhooks/${billing.id}`);
    expect(await screen.findByRole('heading', { name: 'No deliveries yet' })).toBeInTheDocument();
  });

  it('explains what webhooks are for when there is none, and offers to add one', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]) });
    const { user } = renderRoute('/platform/webhooks');

    expect(await screen.findByRole('heading', { name: 'No webhooks yet' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Add webhook' })).toHaveLength(1);
    expect(await openAddDialog(user)).toBeInTheDocument();
  });

  it('says when the webhooks cannot be read, and reads them again on request', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(errorAnswer(403, 'The caller may not use this route'), itemsAnswer([webhook()])),
    });
    const { user } = renderRoute('/platform/webhooks');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The webhooks could not be loaded');
    expect(alert).toHaveTextContent('The caller may not use this route');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(rowsOf(await webhooksTable())).toHaveLength(1);
    expect(api.to(LIST)).toHaveLength(2);
  });
});

describe('webhooks page: adding a webhook', () => {
  it('sends the URL and the chosen events, then shows the signing secret once with how to verify signatures', async () => {
    const created = { ...webhook({ url: 'https://hooks.example.com/keel', events: ['org.created', 'tenant.health_changed'] }), secret: SIGNING_SECRET };
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(itemsAnswer([]), itemsAnswer([webhook({ url: created.url, events: created.events })])),
      [CREATE]: { status: 201, body: created },
    });
    const { user } = renderRoute('/platform/webhooks');
    const form = await openAddDialog(user);

    // Each event says what it means.
    expect(within(form).getByText(/health class changed/)).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /URL/ }), ' https://hooks.example.com/keel ');
    await user.click(within(form).getByRole('checkbox', { name: 'org.created' }));
    await user.click(within(form).getByRole('checkbox', { name: 'tenant.health_changed' }));
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));

    const secretDialog = await screen.findByRole('dialog', { name: 'Webhook added' });
    expect(api.to(CREATE)[0].body).toEqual({ url: 'https://hooks.example.com/keel', events: ['org.created', 'tenant.health_changed'], payload_format: 'keel' });
    expect(within(secretDialog).getByRole('textbox', { name: 'Signing secret' })).toHaveValue(SIGNING_SECRET);
    expect(secretDialog).toHaveTextContent('You will not see this again');
    expect(secretDialog).toHaveTextContent('Keel-Signature: t=…,v1=…');
    expect(secretDialog).toHaveTextContent('HMAC-SHA256 of t.body');
    expect(within(secretDialog).getByRole('button', { name: 'Close' })).toBeDisabled();

    await user.click(within(secretDialog).getByRole('checkbox', { name: 'I have stored it somewhere safe' }));
    await user.click(within(secretDialog).getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(rowsOf(await webhooksTable())[0]).toHaveTextContent('https://hooks.example.com/keel');
    expect(document.body).not.toHaveTextContent(SIGNING_SECRET);
  });

  it('sends the OCSF payload format when a SIEM wants the audit entries as OCSF', async () => {
    const created = { ...webhook({ events: ['audit.entry'], payload_format: 'ocsf' }), secret: SIGNING_SECRET };
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]), [CREATE]: { status: 201, body: created } });
    const { user } = renderRoute('/platform/webhooks');
    const form = await openAddDialog(user);

    expect(within(form).getByRole('radio', { name: /Keel/ })).toBeChecked();
    await user.type(within(form).getByRole('textbox', { name: /URL/ }), 'https://siem.example.com/ingest');
    await user.click(within(form).getByRole('checkbox', { name: 'audit.entry' }));
    await user.click(within(form).getByRole('radio', { name: /OCSF/ }));
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));

    await screen.findByRole('dialog', { name: 'Webhook added' });
    expect(api.to(CREATE)[0].body).toEqual({ url: 'https://siem.example.com/ingest', events: ['audit.entry'], payload_format: 'ocsf' });
  });

  it('asks for a whole http(s) URL and at least one event before sending anything', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([]) });
    const { user } = renderRoute('/platform/webhooks');
    const form = await openAddDialog(user);

    await user.type(within(form).getByRole('textbox', { name: /URL/ }), 'ftp://files.example.com/drop');
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));

    expect(within(form).getByText('Use an http:// or https:// URL')).toBeInTheDocument();
    expect(within(form).getByText('Choose at least one event')).toBeInTheDocument();
    expect(api.to(CREATE)).toHaveLength(0);
  });

  it('shows the API’s refusal of the URL inside the dialog, which stays open for a correction', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([]),
      [CREATE]: errorAnswer(400, 'Webhooks may not call private or loopback addresses'),
    });
    const { user } = renderRoute('/platform/webhooks');
    const form = await openAddDialog(user);

    await user.type(within(form).getByRole('textbox', { name: /URL/ }), 'http://10.0.0.5/hook');
    await user.click(within(form).getByRole('checkbox', { name: 'org.created' }));
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('Webhooks may not call private or loopback addresses');
    expect(within(form).getByRole('textbox', { name: /URL/ })).toHaveValue('http://10.0.0.5/hook');
    expect(screen.queryByRole('dialog', { name: 'Webhook added' })).not.toBeInTheDocument();
  });
});

describe('webhooks page: deleting a webhook', () => {
  it('deletes only after the confirmation', async () => {
    const siem = webhook({ url: 'https://siem.example.com/in' });
    const deletePath = `DELETE /api/v1/platform/webhooks/${siem.id}`;
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: inTurn(itemsAnswer([siem]), itemsAnswer([])),
      [deletePath]: { status: 204 },
    });
    const { user } = renderRoute('/platform/webhooks');
    await webhooksTable();

    await user.click(screen.getByRole('button', { name: 'Delete the webhook to https://siem.example.com/in' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete webhook' });
    expect(dialog).toHaveTextContent('https://siem.example.com/in');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.to(deletePath)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete the webhook to https://siem.example.com/in' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete webhook' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete webhook' }));

    expect(await screen.findByText('Webhook deleted')).toBeInTheDocument();
    expect(api.to(deletePath)).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'No webhooks yet' })).toBeInTheDocument();
  });
});
