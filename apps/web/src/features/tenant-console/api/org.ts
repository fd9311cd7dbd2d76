import { getOrg, transferOrgOwnership, updateOrgSettings, type UpdateOrgSettingsDto } from '@keel/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { orgKeys } from './tenant-keys';

/** The signed-in user's organization: name, security settings and counters (accounts, accounts in error). */
export function useOrg() {
  return useQuery({
    queryKey: orgKeys.all,
    queryFn: async ({ signal }) => (await getOrg({ signal, throwOnError: true })).data,
  });
}

export function useUpdateOrgSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateOrgSettingsDto) => (await updateOrgSettings({ body, throwOnError: true })).data,
    onSuccess: (org) => queryClient.setQueryData(orgKeys.all, org),
  });
}

/** The member becomes an owner and the caller an admin; the API ends both their sessions. */
export function useTransferOwnership() {
  return useMutation({
    mutationFn: async (userId: string) => {
      await transferOrgOwnership({ body: { user_id: userId }, throwOnError: true });
    },
  });
}
