import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
      // A failed mutation is shown to the person; retrying it silently could repeat a write.
      mutations: { retry: false },
    },
  });
}
