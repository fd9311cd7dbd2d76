import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditEntry, auditPage, restoredSession, STAFF_PATHS, staffUser, tokens } from '../../testing/api-fixtures';
import { errorAnswer, inTurn, mockApi } from '../../testing/mock-api';
import { renderRoute } from '../../testing/render-route';

const AUDIT_LOG = 'GET /api/v1/platform/audit-log';

describe('session expiry', () => {
  it('renews an expired token without the person noticing', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [AUDIT_LOG]: inTurn(errorAnswer(401, 'Token expired'), auditPage([auditEntry({ action: 'platform.org_created' })])),
    });
    renderRoute('/platform/audit-log');

    expect(await screen.findByText('platform.org_created')).toBeInTheDocument();
    // One renewal on load, one after the 401; the request went through the second time.
    expect(api.to(STAFF_PATHS.refresh)).toHaveLength(2);
    expect(api.to(AUDIT_LOG)).toHaveLength(2);
  });

  it('sends the person to the staff sign-in page when the session cannot be renewed, and back to the same page after signing in', async () => {
    const api = mockApi({
      'POST /api/v1/platform/auth/refresh': inTurn({ status: 200, body: tokens() }, errorAnswer(401, 'The session has ended; sign in again')),
      [STAFF_PATHS.me]: { status: 200, body: staffUser() },
      [AUDIT_LOG]: (request) =>
        request.authorization === 'Bearer after-sign-in' ? auditPage([auditEntry({ action: 'platform.login' })]) : errorAnswer(401, 'Session revoked'),
      'POST /api/v1/platform/auth/login': { status: 200, body: { mfa_required: true, mfa_token: 'mfa-token' } },
      'POST /api/v1/platform/auth/mfa/verify': { status: 200, body: tokens({ access_token: 'after-sign-in' }) },
    });
    window.localStorage.setItem('keel.session-realm', 'platform');
    const { router, user } = renderRoute('/platform/audit-log?action=platform.login');

    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/platform/login');
    expect(router.state.location.search).toBe(`?returnTo=${encodeURIComponent('/platform/audit-log?action=platform.login')}`);
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');

    await user.type(screen.getByRole('textbox', { name: /e-mail address/i }), 'super_admin@keel.test');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery{Enter}');
    await user.type(await screen.findByRole('textbox', { name: /authentication code/i }), '123456{Enter}');

    expect(await screen.findByText('platform.login', { selector: 'code' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/platform/audit-log');
    expect(router.state.location.search).toBe('?action=platform.login');
    expect(api.to(AUDIT_LOG).at(-1)?.query).toMatchObject({ action: 'platform.login' });
  });

  it('never returns to a page outside the console of the realm signing in', async () => {
    mockApi({
      'POST /api/v1/platform/auth/login': { status: 200, body: { mfa_required: true, mfa_token: 'mfa-token' } },
      'POST /api/v1/platform/auth/mfa/verify': { status: 200, body: tokens() },
      [STAFF_PATHS.me]: { status: 200, body: staffUser('support_admin') },
    });
    const { router, user } = renderRoute(`/platform/login?returnTo=${encodeURIComponent('//evil.example/phish')}`);

    await user.type(screen.getByRole('textbox', { name: /e-mail address/i }), 'support_admin@keel.test');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery{Enter}');
    await user.type(await screen.findByRole('textbox', { name: /authentication code/i }), '123456{Enter}');

    expect(await screen.findByRole('heading', { name: 'Tenant health' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/support');
  });
});
