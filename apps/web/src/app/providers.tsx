import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Session } from '../lib/auth/session';
import { SessionProvider } from '../lib/auth/session-context';
import { cssVariablesResolver, theme } from './theme';

type AppProvidersProps = { queryClient: QueryClient; session: Session; children: ReactNode };

/** Everything a page relies on besides the router; tests render pages inside it too. */
export function AppProviders({ queryClient, session, children }: AppProvidersProps) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* Bottom right: clear of the page headers, where the actions that raise toasts sit. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider session={session}>{children}</SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
