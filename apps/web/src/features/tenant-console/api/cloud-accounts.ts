import {
  createCloudAccount,
  deleteCloudAccount,
  getCloudAccount,
  listCloudAccounts,
  syncCloudAccount,
  updateCloudAccount,
  type CloudAccountDto,
  type CreateCloudAccountDto,
  type UpdateCloudAccountDto,
} from '@keel/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { orgResource, orgResourceKeys } from './org-resource';
import { costKeys, insightKeys, orgKeys } from './tenant-keys';

// Budgets and alert rules may belong to an account: deleting it deletes them too (SPEC §4).
const DEPENDENT_RESOURCES = ['budgets', 'alert-rules'];

// The org's counters (accounts, errors), its costs and insights move with its accounts.
export const cloudAccountsResource = orgResource<CloudAccountDto, CreateCloudAccountDto, UpdateCloudAccountDto>(
  'cloud-accounts',
  { list: listCloudAccounts, create: createCloudAccount, update: updateCloudAccount, remove: deleteCloudAccount },
  [orgKeys.all, costKeys.all, insightKeys.all, ...DEPENDENT_RESOURCES.map(orgResourceKeys.all)],
);

// The largest page the API serves: enough to name every account of an org in a picker.
const ALL_ACCOUNTS = { page: 1, limit: 200 };

/** Every cloud account of the org, to name them in lists and offer them in forms. */
export function useAllCloudAccounts() {
  return useQuery({
    queryKey: orgResourceKeys.page(cloudAccountsResource.key, ALL_ACCOUNTS),
    queryFn: ({ signal }) => cloudAccountsResource.list(ALL_ACCOUNTS, signal),
  });
}

/** Queues a sync; it runs in the background, so the answer is the queued job, not the result. */
export function useSyncCloudAccount() {
  return useMutation({ mutationFn: async (id: string) => (await syncCloudAccount({ path: { id }, body: {}, throwOnError: true })).data });
}

/** One account, read again every `intervalMilliseconds` while a sync of it is watched. */
export function usePolledCloudAccount(id: string, intervalMilliseconds: number) {
  return useQuery({
    // Apart from the resource's keys: refreshing the lists when a sync ends must not poll once more.
    queryKey: ['cloud-account-poll', id],
    queryFn: async ({ signal }) => (await getCloudAccount({ path: { id }, signal, throwOnError: true })).data,
    refetchInterval: intervalMilliseconds,
    staleTime: 0,
    // Dropped once the watch ends, so that the next watch never starts from an old answer.
    gcTime: 0,
  });
}
