import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, mockFetch } from '../../../testing/mock-fetch';
import { renderRoute } from '../../../testing/render-route';

const PASSWORD = 'correct horse battery';

describe('AcceptInvitePage', () => {
  it('shows an error and sends nothing when the passwords do not match', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/accept-invite?realm=platform&token=invite-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), `${PASSWORD}!`);
    await user.click(screen.getByRole('button', { name: 'Set password and activate' }));

    expect(await screen.findByText('The passwords do not match')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('refuses a password shorter than 12 characters before calling the API', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/accept-invite?realm=platform&token=invite-token');

    await user.type(screen.getByLabelText(/^new password/i), 'too short');
    await user.type(screen.getByLabelText(/^confirm password/i), 'too short');
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Use at least 12 characters')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('activates a staff account and links to the staff sign-in page', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/accept-invite?realm=platform&token=invite-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), PASSWORD);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Your account is ready' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/platform/login');
    expect(requests).toEqual([
      { method: 'POST', path: '/api/v1/platform/auth/accept-invite', body: { token: 'invite-token', password: PASSWORD }, credentials: 'include' },
    ]);
  });

  it('uses the tenant endpoint and sign-in page for a tenant invitation', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/accept-invite?realm=tenant&token=tenant-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), PASSWORD);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/login');
    expect(requests.map((request) => request.path)).toEqual(['/api/v1/auth/accept-invite']);
  });

  it('shows the message of a 400 from the API and keeps the form', async () => {
    mockFetch(400, apiError(400, 'This invitation link is invalid, expired or already used'));
    const { user } = renderRoute('/accept-invite?realm=platform&token=used-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), PASSWORD);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation link is invalid, expired or already used');
    expect(screen.getByRole('button', { name: 'Set password and activate' })).toBeEnabled();
  });

  it('shows the submit button as busy while the API answers', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const { user } = renderRoute('/accept-invite?realm=platform&token=invite-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), PASSWORD);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('button', { name: 'Set password and activate' })).toBeDisabled();
    expect(screen.getByLabelText(/^new password/i)).toBeDisabled();
    answer(Response.json({ success: true }));
    expect(await screen.findByRole('heading', { name: 'Your account is ready' })).toBeInTheDocument();
  });

  it('explains an incomplete link instead of showing the form', () => {
    renderRoute('/accept-invite?realm=platform');

    expect(screen.getByText(/this link is incomplete/i)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^new password/i)).not.toBeInTheDocument();
  });
});
