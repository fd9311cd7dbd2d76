import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/router';
import { configureApiClient } from '../lib/api-client';
import { createSession } from '../lib/auth/session';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders the whole SPA (real route registry, providers and session) at `path`, as a visitor would
 * open it in a fresh tab: a realm hint in localStorage makes it restore a session through the API.
 */
export function renderRoute(path: string) {
  const session = createSession();
  configureApiClient(session);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={createQueryClient()} session={session}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, user, session };
}
