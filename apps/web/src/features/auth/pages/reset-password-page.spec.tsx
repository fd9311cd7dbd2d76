import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockFetch } from '../../../testing/mock-fetch';
import { renderRoute } from '../../../testing/render-route';

const PASSWORD = 'a brand new passphrase';

describe('ResetPasswordPage without a token', () => {
  it('asks for a tenant reset mail and answers the same whether or not the account exists', async () => {
    const { requests } = mockFetch(202, { success: true });
    const { user } = renderRoute('/reset-password');

    await user.type(screen.getByLabelText(/^e-mail address/i), 'someone@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByRole('status')).toHaveTextContent('If an account exists for someone@example.com, a mail with a reset link is on its way');
    expect(requests).toEqual([{ method: 'POST', path: '/api/v1/auth/password-reset', body: { email: 'someone@example.com' }, credentials: 'include' }]);
  });

  it('uses the staff endpoint for realm=platform and leads back to staff sign-in', async () => {
    const { requests } = mockFetch(202, { success: true });
    const { user } = renderRoute('/reset-password?realm=platform');

    await user.type(screen.getByLabelText(/^e-mail address/i), 'staff@example.com{Enter}');

    expect(await screen.findByRole('link', { name: 'Back to sign-in' })).toHaveAttribute('href', '/platform/login');
    expect(requests.map((request) => request.path)).toEqual(['/api/v1/platform/auth/password-reset']);
  });

  it('shows the reason when the API refuses the request', async () => {
    mockFetch(429, apiError(429, 'Too many requests; try again in a minute'));
    const { user } = renderRoute('/reset-password');

    await user.type(screen.getByLabelText(/^e-mail address/i), 'someone@example.com{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests; try again in a minute');
  });
});

describe('ResetPasswordPage with a token', () => {
  it('shows an error and sends nothing when the passwords do not match', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/reset-password?realm=tenant&token=reset-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), 'something else entirely');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByText('The passwords do not match')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('sets the new password and links to the sign-in page of the realm', async () => {
    const { requests } = mockFetch(200, { success: true });
    const { user } = renderRoute('/reset-password?realm=platform&token=reset-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), `${PASSWORD}{Enter}`);

    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/platform/login');
    expect(requests).toEqual([
      { method: 'POST', path: '/api/v1/platform/auth/password-reset/confirm', body: { token: 'reset-token', password: PASSWORD }, credentials: 'include' },
    ]);
  });

  it('shows the message of a 400 for a used or expired link', async () => {
    mockFetch(400, apiError(400, 'This password reset link is invalid, expired or already used'));
    const { user } = renderRoute('/reset-password?realm=tenant&token=old-token');

    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/^confirm password/i), `${PASSWORD}{Enter}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('This password reset link is invalid, expired or already used');
  });

  it('explains a link without its realm instead of guessing one', () => {
    renderRoute('/reset-password?token=reset-token');

    expect(screen.getByText(/this link is incomplete/i)).toBeInTheDocument();
  });
});
