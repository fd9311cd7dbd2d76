import { listOutbox } from '@keel/api-client';
import { useQuery } from '@tanstack/react-query';
import { platformKeys } from './platform-keys';

/** The newest mail Keel kept instead of sending it (demo mode only: elsewhere the route answers 404). */
export function useOutbox() {
  return useQuery({
    queryKey: platformKeys.outbox(),
    queryFn: async ({ signal }) => (await listOutbox({ signal, throwOnError: true })).data,
  });
}
