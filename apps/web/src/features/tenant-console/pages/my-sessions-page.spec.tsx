import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { API, ok, mySession } from '../testing/tenant-fixtures';

const LIST = `GET ${API}/me/sessions`;
const thisBrowser = mySession({ current: true, ip: '203.0.113.9' });
const phone = mySession({
  user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  ip: '198.51.100.20',
});

function sessionsApi(routes: Record<string, ApiAnswer> = {}) {
  return mockApi({ ...restoredSession('tenant', tenantUser('viewer')), [LIST]: ok({ items: [thisBrowser, phone] }), ...routes });
}

const rowOf = async (text: RegExp) => within(await screen.findByRole('table', { name: 'My sessions' })).getByRole('row', { name: text });

describe('my sessions', () => {
  it('lists every session of the account, with this browser marked', async () => {
    sessionsApi();
    renderRoute('/app/sessions');

    expect(await rowOf(/Chrome on Linux/)).toHaveTextContent(/This browser.*203\.0\.113\.9/);
    expect(await rowOf(/Safari on iOS/)).toHaveTextContent('198.51.100.20');
    expect(await rowOf(/Safari on iOS/)).not.toHaveTextContent('This browser');
  });

  it('ends another session after confirmation and stays signed in', async () => {
    const END = `DELETE ${API}/me/sessions/${phone.id}`;
    const api = sessionsApi({ [END]: { status: 204 } });
    const { user, router } = renderRoute('/app/sessions');

    await user.click(within(await rowOf(/Safari on iOS/)).getByRole('button', { name: /^End session of Safari on iOS/ }));
    const dialog = await screen.findByRole('dialog', { name: 'End session' });
    expect(dialog).toHaveTextContent('Safari on iOS is signed out at its next request');
    await user.click(within(dialog).getByRole('button', { name: 'End session' }));

    expect(await screen.findByText('Session ended')).toBeInTheDocument();
    expect(api.to(END)).toHaveLength(1);
    expect(api.to(LIST).length).toBeGreaterThan(1);
    expect(router.state.location.pathname).toBe('/app/sessions');
  });

  it('signs out when the person ends the session of this browser', async () => {
    const END = `DELETE ${API}/me/sessions/${thisBrowser.id}`;
    const api = sessionsApi({ [END]: { status: 204 } });
    const { user, router } = renderRoute('/app/sessions');

    await user.click(within(await rowOf(/This browser/)).getByRole('button', { name: 'End session of this browser and sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'End this session' });
    expect(dialog).toHaveTextContent('ending it signs you out here');
    await user.click(within(dialog).getByRole('button', { name: 'End and sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to your organization' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.to(END)).toHaveLength(1);
    // Nothing was read with the ended session.
    expect(api.to(LIST)).toHaveLength(1);
    expect(window.localStorage.getItem('keel.session-realm')).toBeNull();
  });

  it('shows a load error with a retry', async () => {
    sessionsApi({ [LIST]: errorAnswer(403, 'Forbidden resource') });
    renderRoute('/app/sessions');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your sessions could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
