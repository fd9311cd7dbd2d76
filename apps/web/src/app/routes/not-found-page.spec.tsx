import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../testing/render-route';

describe('NotFoundPage', () => {
  it('tells the visitor that an unknown address has no page and links home', async () => {
    const { user, router } = renderRoute('/no/such/page');

    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Go to the start page' }));
    expect(router.state.location.pathname).toBe('/');
  });
});
