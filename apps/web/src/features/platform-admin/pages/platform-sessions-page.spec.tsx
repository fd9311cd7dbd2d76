import type { ActiveSessionDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ok, ORG_ID } from '../testing/platform-fixtures';

const SESSIONS = 'GET /api/v1/platform/sessions';
const SESSION_ID = '88888888-8888-4888-8888-888888888888';

function activeSession(overrides: Partial<ActiveSessionDto> = {}): ActiveSessionDto {
  return {
    id: SESSION_ID,
    user_id: '66666666-6666-4666-8666-666666666661',
    user_email: 'owner@acme.example',
    org_id: ORG_ID,
    org_name: 'Acme Corp',
    created_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    expires_at: new Date(Date.now() + 29 * 86_400_000).toISOString(),
    ip: '203.0.113.9',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    ...overrides,
  };
}

describe('PlatformSessionsPage', () => {
  it('lists active tenant sessions with user, org, IP, device and times', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [SESSIONS]: ok({ items: [activeSession()] }) });
    renderRoute('/platform/sessions');

    const table = await screen.findByRole('table', { name: 'Active tenant sessions' });
    const row = within(table).getAllByRole('row')[1];
    for (const text of ['owner@acme.example', 'Acme Corp', '203.0.113.9', 'Firefox/140.0', '2 hours ago', 'in 29 days']) expect(row).toHaveTextContent(text);
    expect(within(row).getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', `/platform/orgs/${ORG_ID}`);
  });

  it('revokes a session after a confirmation, and lists the sessions again', async () => {
    let sessions = [activeSession()];
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [SESSIONS]: () => ok({ items: sessions }),
      [`DELETE /api/v1/platform/sessions/${SESSION_ID}`]: () => {
        sessions = [];
        return { status: 204 };
      },
    });
    const { user } = renderRoute('/platform/sessions');

    await user.click(await screen.findByRole('button', { name: 'Revoke the session of owner@acme.example' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke session' });
    expect(dialog).toHaveTextContent('owner@acme.example (Acme Corp) is signed out on this device at once');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('owner@acme.example is signed out on that device.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No active sessions' })).toBeInTheDocument();
    expect(api.to(`DELETE /api/v1/platform/sessions/${SESSION_ID}`)).toHaveLength(1);
  });

  it('keeps the dialog open with the API’s answer when revoking fails, and cancels without a request', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [SESSIONS]: ok({ items: [activeSession()] }),
      [`DELETE /api/v1/platform/sessions/${SESSION_ID}`]: errorAnswer(404, 'Session not found'),
    });
    const { user } = renderRoute('/platform/sessions');

    await user.click(await screen.findByRole('button', { name: 'Revoke the session of owner@acme.example' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke session' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Session not found');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Opened again, the dialog has forgotten the failure.
    await user.click(screen.getByRole('button', { name: 'Revoke the session of owner@acme.example' }));
    expect(within(await screen.findByRole('dialog', { name: 'Revoke session' })).queryByRole('alert')).not.toBeInTheDocument();
    expect(api.to(`DELETE /api/v1/platform/sessions/${SESSION_ID}`)).toHaveLength(1);
  });

  it('says when nobody is signed in', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [SESSIONS]: ok({ items: [] }) });
    renderRoute('/platform/sessions');

    expect(await screen.findByRole('heading', { name: 'No active sessions' })).toBeInTheDocument();
  });
});
