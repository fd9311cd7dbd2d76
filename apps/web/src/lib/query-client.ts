import { QueryClient } from '@tanstack/react-query';
import { errorStatus } from './api-error';

const MAX_QUERY_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will answer the same again (401s are already renewed and retried by the session).
        retry: (failureCount, error) => {
          const status = errorStatus(error);
          return (status === undefined || status >= 500) && failureCount < MAX_QUERY_RETRIES;
        },
      },
      // A failed mutation is shown to the person; retrying it silently could repeat a write.
      mutations: { retry: false },
    },
  });
}
