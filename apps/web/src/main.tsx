import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { configureApiClient } from './lib/api-client';
import { createSession } from './lib/auth/session';
import { createQueryClient } from './lib/query-client';

const session = createSession();
configureApiClient(session);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <AppProviders queryClient={createQueryClient()} session={session}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
