import { listApiKeys, type ApiKeyDto } from '@keel/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiKeyKeys } from './integrations-keys';

export function apiKeysOptions() {
  return queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: async ({ signal }): Promise<ApiKeyDto[]> => (await listApiKeys({ signal, throwOnError: true })).data.items,
  });
}

/** The API keys that still work or have merely expired (revoked ones are gone), newest first. */
export function useApiKeys() {
  return useQuery(apiKeysOptions());
}
