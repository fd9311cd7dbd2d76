import type { OutboxMessageDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ok } from '../testing/platform-fixtures';

const OUTBOX = 'GET /api/v1/platform/dev/outbox';

function mail(overrides: Partial<OutboxMessageDto> = {}): OutboxMessageDto {
  return {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    to: 'owner@acme.example',
    subject: 'Maintenance tonight',
    text: 'A message from the Keel platform team to Acme Corp:\n\nWe upgrade at 22:00 UTC.',
    html: '<p>We upgrade at 22:00 UTC.</p><script>parent.document.title = "pwned"</script>',
    status: 'outbox',
    created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

describe('OutboxPage', () => {
  it('lists the mail with recipient, subject, status and time', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [OUTBOX]: ok({ items: [mail(), mail({ id: 'b', to: 'sam@keel.test', subject: 'You are invited', status: 'sent' })] }) });
    renderRoute('/platform/outbox');

    const table = await screen.findByRole('table', { name: 'Mail in the outbox' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    for (const text of ['owner@acme.example', 'Maintenance tonight', 'Kept in the outbox', '5 minutes ago']) expect(first).toHaveTextContent(text);
    expect(second).toHaveTextContent('Sent');
  });

  it('opens a message: its text, and its HTML in a sandboxed frame that runs nothing', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [OUTBOX]: ok({ items: [mail()] }) });
    const { user } = renderRoute('/platform/outbox');

    await user.click(await screen.findByRole('button', { name: 'Open “Maintenance tonight” to owner@acme.example' }));
    const dialog = await screen.findByRole('dialog', { name: 'Maintenance tonight' });
    expect(within(dialog).getByText(/We upgrade at 22:00 UTC\./, { selector: 'pre' })).toBeInTheDocument();
    expect(within(dialog).queryByTitle('HTML of “Maintenance tonight”')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('tab', { name: 'HTML' }));
    const frame = within(dialog).getByTitle('HTML of “Maintenance tonight”');
    expect(frame.tagName).toBe('IFRAME');
    // An empty sandbox: no scripts, no same-origin access, no navigation.
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', mail().html);
  });

  it('loads the newest mail again on Refresh', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [OUTBOX]: inTurn(ok({ items: [] }), ok({ items: [mail()] })) });
    const { user } = renderRoute('/platform/outbox');

    expect(await screen.findByRole('heading', { name: 'No mail yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByRole('table', { name: 'Mail in the outbox' })).toHaveTextContent('Maintenance tonight');
    expect(api.to(OUTBOX)).toHaveLength(2);
  });

  it('explains that the outbox exists only in demo mode when the API has no such route', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [OUTBOX]: errorAnswer(404, 'Cannot GET /api/v1/platform/dev/outbox') });
    renderRoute('/platform/outbox');

    expect(await screen.findByRole('heading', { name: 'No outbox here' })).toBeInTheDocument();
    expect(screen.getByText(/only in demo mode/)).toBeInTheDocument();
  });
});
