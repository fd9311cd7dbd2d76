import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyTenantHome, restoredSession, staffUser, tenantUser } from '../../testing/api-fixtures';
import { mockApi } from '../../testing/mock-api';
import { renderRoute } from '../../testing/render-route';

const navigation = () => screen.getByRole('navigation', { name: 'Main navigation' });

describe('route guards', () => {
  it('sends a visitor without a session to the staff sign-in page, remembering where they were going', async () => {
    const api = mockApi({});
    const { router } = renderRoute('/platform/audit-log?action=platform.login');

    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/platform/login');
    expect(router.state.location.search).toBe('?returnTo=%2Fplatform%2Faudit-log%3Faction%3Dplatform.login');
    expect(api.requests).toEqual([]);
  });

  it('sends a visitor of the tenant console to the tenant sign-in page', async () => {
    mockApi({});
    const { router } = renderRoute('/app/audit-log');

    expect(await screen.findByRole('heading', { name: 'Sign in to your organization' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?returnTo=%2Fapp%2Faudit-log');
  });

  it('shows a support_admin the Support menu but no Platform menu', async () => {
    mockApi(restoredSession('platform', staffUser('support_admin')));
    renderRoute('/support');

    expect(await screen.findByRole('heading', { name: 'Tenant health' })).toBeInTheDocument();
    expect(within(navigation()).getByRole('group', { name: 'Support' })).toBeInTheDocument();
    expect(within(navigation()).queryByRole('group', { name: 'Platform' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sam Support/ })).toHaveTextContent('Support admin');
  });

  it('answers a support_admin on a platform page with the 403 page, inside the console', async () => {
    const api = mockApi(restoredSession('platform', staffUser('support_admin')));
    renderRoute('/platform/audit-log');

    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText(/Your role \(Support admin\) does not include this part of Keel/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your start page' })).toHaveAttribute('href', '/support');
    expect(api.to('GET /api/v1/platform/audit-log')).toEqual([]);
  });

  it('shows a super_admin both the Platform and the Support menu, and starts them on the platform dashboard', async () => {
    mockApi(restoredSession('platform', staffUser('super_admin')));
    const { router } = renderRoute('/platform');

    expect(await screen.findByRole('heading', { name: 'Platform dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/platform');
    expect(within(navigation()).getByRole('group', { name: 'Platform' })).toBeInTheDocument();
    expect(within(navigation()).getByRole('group', { name: 'Support' })).toBeInTheDocument();
    expect(within(within(navigation()).getByRole('group', { name: 'Platform' })).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  });

  it('gives a viewer no audit log: no menu entry, and the 403 page at its address', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('viewer')), ...emptyTenantHome() });
    const { router, user } = renderRoute('/app');

    expect(await screen.findByRole('heading', { name: 'Welcome, Viewer Person' })).toBeInTheDocument();
    expect(within(navigation()).getByRole('link', { name: 'Dashboard' })).toBeInTheDocument();
    expect(within(navigation()).queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();

    await router.navigate('/app/audit-log');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to your start page' }));
    expect(router.state.location.pathname).toBe('/app');
  });

  it('answers a tenant user on a staff page with a 403 that names their own account', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('owner')), ...emptyTenantHome() });
    renderRoute('/platform/audit-log');

    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('This page is for Keel platform staff.')).toBeInTheDocument();
    expect(screen.getByText(/You are signed in as owner@acme.example/)).toBeInTheDocument();
  });

  it('takes someone already signed in from the start page straight to their console', async () => {
    mockApi({ ...restoredSession('tenant', tenantUser('admin')), ...emptyTenantHome() });
    const { router } = renderRoute('/');

    expect(await screen.findByRole('heading', { name: 'Welcome, Admin Person' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app');
  });
});
