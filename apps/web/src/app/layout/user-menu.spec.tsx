import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyTenantHome, restoredSession, TENANT_PATHS, tenantUser } from '../../testing/api-fixtures';
import { errorAnswer, mockApi } from '../../testing/mock-api';
import { renderRoute } from '../../testing/render-route';

const CHANGE_PASSWORD = 'POST /api/v1/auth/password';

async function openAccountMenu(user: ReturnType<typeof renderRoute>['user']) {
  // The dashboard (a lazy chunk) first, so that nothing re-renders the header under the click.
  await screen.findByRole('heading', { name: 'Welcome, Owner Person' });
  await user.click(screen.getByRole('button', { name: /Owner Person/ }));
}

describe('account menu', () => {
  it('names the person and their role', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('owner')), ...emptyTenantHome() });
    const { user } = renderRoute('/app');

    await openAccountMenu(user);

    expect(screen.getByRole('button', { name: /Owner Person/ })).toHaveTextContent('Owner');
    expect(await screen.findByText('Signed in as owner@acme.example')).toBeInTheDocument();
  });

  it('changes the password, then asks to sign in again because every session has ended', async () => {
    const api = mockApi({ ...restoredSession('tenant', tenantUser('owner')), ...emptyTenantHome(), [CHANGE_PASSWORD]: { status: 200, body: { success: true } } });
    const { user, router } = renderRoute('/app');
    await openAccountMenu(user);
    await user.click(await screen.findByRole('menuitem', { name: 'Change password' }));

    const dialog = await screen.findByRole('dialog', { name: 'Change password' });
    await user.type(within(dialog).getByLabelText(/^current password/i), 'the old passphrase');
    await user.type(within(dialog).getByLabelText(/^new password/i), 'a brand new passphrase');
    await user.type(within(dialog).getByLabelText(/^confirm new password/i), 'a brand new passphrase');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to your organization' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(screen.getAllByText('Password changed').length).toBeGreaterThan(0); // the toast and the notice on the sign-in page
    expect(api.to(CHANGE_PASSWORD)[0].body).toEqual({ current_password: 'the old passphrase', new_password: 'a brand new passphrase' });
    expect(window.localStorage.getItem('keel.session-realm')).toBeNull();
  });

  it('keeps the dialog open with the reason when the current password is wrong', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('owner')), ...emptyTenantHome(), [CHANGE_PASSWORD]: errorAnswer(400, 'The current password is not correct') });
    const { user } = renderRoute('/app');
    await openAccountMenu(user);
    await user.click(await screen.findByRole('menuitem', { name: 'Change password' }));

    const dialog = await screen.findByRole('dialog', { name: 'Change password' });
    await user.type(within(dialog).getByLabelText(/^current password/i), 'not my passphrase');
    await user.type(within(dialog).getByLabelText(/^new password/i), 'a brand new passphrase');
    await user.type(within(dialog).getByLabelText(/^confirm new password/i), 'a brand new passphrase{Enter}');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The current password is not correct');
    expect(await screen.findByText('Password not changed')).toBeInTheDocument();
  });

  it('signs out: the API ends the session, a toast confirms, and the sign-in page follows', async () => {
    const api = mockApi({ ...restoredSession('tenant', tenantUser('owner')), ...emptyTenantHome(), 'POST /api/v1/auth/logout': { status: 200, body: { success: true } } });
    const { user, router } = renderRoute('/app');
    await openAccountMenu(user);

    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByText('Signed out')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.to('POST /api/v1/auth/logout')[0]).toMatchObject({ csrf: '1', authorization: expect.stringMatching(/^Bearer /) });
    expect(api.to(TENANT_PATHS.refresh)).toHaveLength(1); // only the page-load restore
  });
});
