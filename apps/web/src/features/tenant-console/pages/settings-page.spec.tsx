import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { API, ok, org } from '../testing/tenant-fixtures';

const ORG = `GET ${API}/org`;
const UPDATE = `PATCH ${API}/org/settings`;
const IMPERSONATION = /^Allow platform support sessions/;
const TWO_FACTOR = /^Require two-factor authentication/;

function settingsApi(role: 'owner' | 'admin', routes: Record<string, ApiAnswer | ((request: ApiRequest) => ApiAnswer)> = {}, mfaEnabled = true) {
  return mockApi({
    ...restoredSession('tenant', tenantUser(role, { mfa_enabled: mfaEnabled })),
    [ORG]: ok(org()),
    // The API answers with the organization as it now is.
    [UPDATE]: (request) => ok(org(request.body as object)),
    ...routes,
  });
}

describe('organization settings', () => {
  it('renames the organization', async () => {
    const api = settingsApi('admin');
    const { user } = renderRoute('/app/settings');

    const name = await screen.findByRole('textbox', { name: 'Organization name' });
    expect(screen.getByText(/acme/)).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'Acme Holdings');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Organization renamed')).toBeInTheDocument();
    expect(api.to(UPDATE)[0].body).toEqual({ name: 'Acme Holdings' });
  });

  it('lets an owner turn support sessions off, after explaining what that means', async () => {
    const api = settingsApi('owner');
    const { user } = renderRoute('/app/settings');

    const impersonation = await screen.findByRole('switch', { name: IMPERSONATION });
    expect(impersonation).toBeChecked();
    await user.click(impersonation);

    const dialog = await screen.findByRole('dialog', { name: 'Turn off platform support sessions' });
    expect(dialog).toHaveTextContent("Keel's platform support will no longer be able to open support sessions on this organization");
    expect(api.to(UPDATE)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Turn off support sessions' }));

    expect(await screen.findByText('Setting saved')).toBeInTheDocument();
    expect(api.to(UPDATE)[0].body).toEqual({ allow_platform_impersonation: false });
    await vi.waitFor(() => expect(screen.getByRole('switch', { name: IMPERSONATION })).not.toBeChecked());
  });

  it('changes nothing when the owner cancels', async () => {
    const api = settingsApi('owner');
    const { user } = renderRoute('/app/settings');

    await user.click(await screen.findByRole('switch', { name: IMPERSONATION }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));

    expect(screen.getByRole('switch', { name: IMPERSONATION })).toBeChecked();
    expect(api.to(UPDATE)).toEqual([]);
  });

  it('shows an admin the owner-only switches disabled, and says why', async () => {
    settingsApi('admin');
    renderRoute('/app/settings');

    expect(await screen.findByRole('switch', { name: IMPERSONATION })).toBeDisabled();
    expect(screen.getByRole('switch', { name: TWO_FACTOR })).toBeDisabled();
    expect(screen.getByText('Only owners can change these settings.')).toBeInTheDocument();
  });

  it('requires 2FA and signs out an owner who has not set it up, as the API has ended their session', async () => {
    const api = settingsApi('owner', {}, false);
    const { user, router } = renderRoute('/app/settings');

    await user.click(await screen.findByRole('switch', { name: TWO_FACTOR }));
    const dialog = await screen.findByRole('dialog', { name: 'Require two-factor authentication' });
    expect(dialog).toHaveTextContent('Members without one are signed out now, you included.');
    await user.click(within(dialog).getByRole('button', { name: 'Require two-factor authentication' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to your organization' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.to(UPDATE)[0].body).toEqual({ require_2fa: true });
  });

  it("keeps the dialog open with the API's refusal", async () => {
    settingsApi('owner', { [UPDATE]: errorAnswer(403, 'Only an owner can change require_2fa or allow_platform_impersonation') });
    const { user } = renderRoute('/app/settings');

    await user.click(await screen.findByRole('switch', { name: TWO_FACTOR }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Require two-factor authentication' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only an owner can change require_2fa or allow_platform_impersonation');
  });

  it('shows a load error with a retry', async () => {
    settingsApi('owner', { [ORG]: errorAnswer(403, 'Your organization is suspended') });
    renderRoute('/app/settings');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your organization is suspended');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
