import { createWebhook, type CreatedWebhookDto, type CreateWebhookDto } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookKeys } from './integrations-keys';

/** Subscribes a URL to events; the answer holds the signing secret, which the API never shows again. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateWebhookDto): Promise<CreatedWebhookDto> => (await createWebhook({ body, throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}
