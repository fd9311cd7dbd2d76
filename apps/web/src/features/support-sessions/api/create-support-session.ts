import { createSupportSession, type CreateSupportSessionDto, type SupportSessionCreatedDto } from '@keel/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supportSessionKeys } from './support-session-keys';

/** Starts a support session; the answer holds its token, which only the tab that asked ever sees. */
export function useCreateSupportSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSupportSessionDto): Promise<SupportSessionCreatedDto> => (await createSupportSession({ body, throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportSessionKeys.all }),
  });
}
