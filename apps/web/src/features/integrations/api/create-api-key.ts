import { createApiKey, type CreateApiKeyDto, type CreatedApiKeyDto } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiKeyKeys } from './integrations-keys';

/** Creates a key; the answer holds its secret, which the API never shows again. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateApiKeyDto): Promise<CreatedApiKeyDto> => (await createApiKey({ body, throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() }),
  });
}
