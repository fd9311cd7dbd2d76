import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../testing/render-route';

describe('LandingPage', () => {
  it('names Keel and offers both sign-in pages', () => {
    renderRoute('/');

    expect(screen.getByRole('heading', { name: 'Welcome to Keel' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to your organization' })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('link', { name: 'Platform staff sign-in' })).toHaveAttribute('href', '/platform/login');
  });

  it('leads to the staff sign-in page, which offers a password reset', async () => {
    const { user } = renderRoute('/');

    await user.click(screen.getByRole('link', { name: 'Platform staff sign-in' }));

    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /e-mail address/i })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/reset-password?realm=platform');
  });
});
