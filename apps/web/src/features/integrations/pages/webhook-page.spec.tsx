import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { delivery, itemsAnswer, webhook } from '../testing/integrations-fixtures';

const LIST = 'GET /api/v1/platform/webhooks';
const HOOK = webhook({ url: 'https://billing.example.com/keel', events: ['org.created', 'org.plan_changed'] });
const DELIVERIES = `GET /api/v1/platform/webhooks/${HOOK.id}/deliveries`;
const EVENT_ID = 'e1e2e3e4-0000-4000-8000-000000000001';
const PAGE = `/platform/webhooks/${HOOK.id}`;

const deliveriesTable = () => screen.findByRole('table', { name: 'Delivery attempts' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('webhook page', () => {
  it('shows the webhook and its attempts, newest first, with the outcome in words and the next retry', async () => {
    const inFiveMinutes = new Date(Date.now() + 5 * 60_000).toISOString();
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([HOOK]),
      [DELIVERIES]: itemsAnswer([
        delivery({ event_id: EVENT_ID, event_type: 'org.plan_changed', attempt: 2, status_code: 500, error: 'The receiver answered 500', next_retry_at: inFiveMinutes }),
        delivery({ event_id: EVENT_ID, event_type: 'org.plan_changed', attempt: 1, status_code: null, error: 'connect ECONNREFUSED', next_retry_at: '2026-11-30T09:15:10.000Z' }),
        delivery({ event_type: 'org.created', attempt: 1, status_code: 204 }),
      ]),
    });
    renderRoute(PAGE);

    const [retrying, refused, delivered] = rowsOf(await deliveriesTable());
    expect(screen.getByRole('heading', { level: 1, name: 'Webhook' })).toBeInTheDocument();
    expect(screen.getByText('https://billing.example.com/keel')).toBeInTheDocument();
    expect(screen.getAllByText('org.created').length).toBeGreaterThan(0);

    expect(retrying).toHaveTextContent('org.plan_changed');
    expect(retrying).toHaveTextContent(EVENT_ID.slice(0, 8));
    expect(within(retrying).getByText('Failed: 500')).toBeInTheDocument();
    expect(retrying).toHaveTextContent('The receiver answered 500');
    expect(retrying).toHaveTextContent('in 5 minutes');
    expect(within(refused).getByText('Failed: no response')).toBeInTheDocument();
    // Its retry already happened: attempt 2 above.
    expect(refused).toHaveTextContent('Retried');
    expect(within(delivered).getByText('Delivered: 204')).toBeInTheDocument();
  });

  it('says so when nothing was delivered yet', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([HOOK]), [DELIVERIES]: itemsAnswer([]) });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { name: 'No deliveries yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('answers "Webhook not found" for a webhook that is not in the list, without asking for its deliveries', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([HOOK]) });
    renderRoute('/platform/webhooks/99999999-0000-4000-8000-000000000000');

    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All webhooks' })).toHaveAttribute('href', '/platform/webhooks');
    expect(api.requests.filter((request) => request.path.endsWith('/deliveries'))).toHaveLength(0);
  });

  it('answers "Webhook not found" when the webhook was deleted since the list was read', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([HOOK]), [DELIVERIES]: errorAnswer(404, 'No such webhook') });
    renderRoute(PAGE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook not found' })).toBeInTheDocument();
  });

  it('says when the deliveries cannot be read, and reads them again on request', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([HOOK]),
      [DELIVERIES]: inTurn(errorAnswer(403, 'The caller may not use this route'), itemsAnswer([delivery()])),
    });
    const { user } = renderRoute(PAGE);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The deliveries could not be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(rowsOf(await deliveriesTable())).toHaveLength(1);
  });

  it('sends an event again on request and says it is queued', async () => {
    const redeliverPath = `POST /api/v1/platform/webhooks/${HOOK.id}/events/${EVENT_ID}/redeliver`;
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([HOOK]),
      [DELIVERIES]: itemsAnswer([delivery({ event_id: EVENT_ID, status_code: 500, error: 'The receiver answered 500' })]),
      [redeliverPath]: { status: 202 },
    });
    const { user } = renderRoute(PAGE);
    await deliveriesTable();

    await user.click(screen.getByRole('button', { name: `Send org.created ${EVENT_ID.slice(0, 8)} again` }));

    expect(await screen.findByText('Queued')).toBeInTheDocument();
    expect(api.to(redeliverPath)).toHaveLength(1);
    expect(api.to(redeliverPath)[0].body).toEqual({});
    // Read again, for the new attempt.
    await vi.waitFor(() => expect(api.to(DELIVERIES).length).toBeGreaterThan(1));
  });

  it('shows the API’s refusal of a send-again', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [LIST]: itemsAnswer([HOOK]),
      [DELIVERIES]: itemsAnswer([delivery({ event_id: EVENT_ID })]),
      [`POST /api/v1/platform/webhooks/${HOOK.id}/events/${EVENT_ID}/redeliver`]: errorAnswer(404, 'This webhook never received that event'),
    });
    const { user } = renderRoute(PAGE);
    await deliveriesTable();

    await user.click(screen.getByRole('button', { name: `Send org.created ${EVENT_ID.slice(0, 8)} again` }));

    expect(await screen.findByText('This webhook never received that event')).toBeInTheDocument();
  });

  it('refreshes by itself while a retry is pending, and shows the retry when it happens', async () => {
    const failed = delivery({ event_id: EVENT_ID, attempt: 1, status_code: 503, error: 'The receiver answered 503', next_retry_at: new Date(Date.now() + 1_000).toISOString() });
    const retried = delivery({ event_id: EVENT_ID, attempt: 2, status_code: 200 });
    mockApi({ ...restoredSession('platform', staffUser()), [LIST]: itemsAnswer([HOOK]), [DELIVERIES]: inTurn(itemsAnswer([failed]), itemsAnswer([retried, failed])) });
    renderRoute(PAGE);

    expect(rowsOf(await deliveriesTable())).toHaveLength(1);

    expect(await screen.findByText('Delivered: 200', undefined, { timeout: 6_000 })).toBeInTheDocument();
    expect(rowsOf(await deliveriesTable())).toHaveLength(2);
  });
});
