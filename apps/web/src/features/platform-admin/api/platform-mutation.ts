import { useMutation, useQueryClient } from '@tanstack/react-query';
import { platformKeys } from './platform-keys';

/**
 * A mutation of the platform's data. Any of them can move the figures of several platform pages
 * (counts, statuses, the outbox), so on success every platform query is refreshed.
 */
export function usePlatformMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.all }) });
}

