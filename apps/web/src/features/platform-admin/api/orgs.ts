import {
  approveOrg,
  changeOrgPlan,
  contactOrgAdmins,
  createOrg,
  deleteOrg,
  deleteOrgCloudAccount,
  disableOrg,
  enableOrg,
  getOrgDetail,
  listOrgs,
  rejectOrg,
  resetOrgUserMfa,
  restoreOrg,
  setOrgRequireTwoFactor,
  type CreateOrgDto,
} from '@keel/api-client';
import type { OrgPlan } from '@keel/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgListQuery } from '../utils/org-list-params';
import { platformKeys } from './platform-keys';
import { usePlatformMutation } from './platform-mutation';

/** One page of the org list: search, filters, sort and page exactly as the API takes them. */
export function useOrgList(query: OrgListQuery) {
  return useQuery({
    queryKey: platformKeys.orgList(query),
    queryFn: async ({ signal }) => (await listOrgs({ query, signal, throwOnError: true })).data,
    // Keep the rows on screen while the next page or sort loads, instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

/** The drill-down: the org with its users, cloud accounts and cost summary. */
export function useOrgDetail(orgId: string) {
  return useQuery({
    queryKey: platformKeys.org(orgId),
    queryFn: async ({ signal }) => (await getOrgDetail({ path: { id: orgId }, signal, throwOnError: true })).data,
  });
}

export function useCreateOrg() {
  return usePlatformMutation(async (body: CreateOrgDto) => (await createOrg({ body, throwOnError: true })).data);
}

/** The lifecycle and settings actions on one org (SPEC §4); each answers the org's new row or a result. */
export function useOrgActions(orgId: string) {
  const path = { id: orgId };
  return {
    changePlan: usePlatformMutation(async (plan: OrgPlan) => (await changeOrgPlan({ path, body: { plan }, throwOnError: true })).data),
    requireTwoFactor: usePlatformMutation(async (required: boolean) => (await setOrgRequireTwoFactor({ path, body: { required }, throwOnError: true })).data),
    contact: usePlatformMutation(async (body: { subject: string; message: string }) => (await contactOrgAdmins({ path, body, throwOnError: true })).data),
    approve: usePlatformMutation(async () => (await approveOrg({ path, body: {}, throwOnError: true })).data),
    reject: usePlatformMutation(async (reason: string) => (await rejectOrg({ path, body: { reason }, throwOnError: true })).data),
    disable: usePlatformMutation(async (reason: string) => (await disableOrg({ path, body: { reason }, throwOnError: true })).data),
    enable: usePlatformMutation(async () => (await enableOrg({ path, body: {}, throwOnError: true })).data),
    scheduleDeletion: usePlatformMutation(async (slug: string) => (await deleteOrg({ path, body: { confirmation: slug }, throwOnError: true })).data),
    restore: usePlatformMutation(async () => (await restoreOrg({ path, body: {}, throwOnError: true })).data),
  };
}

export function useDeleteCloudAccount(orgId: string) {
  return usePlatformMutation(async (accountId: string) => {
    await deleteOrgCloudAccount({ path: { orgId, accountId }, throwOnError: true });
  });
}

export function useResetUserMfa(orgId: string) {
  return usePlatformMutation(async (userId: string) => {
    await resetOrgUserMfa({ path: { orgId, userId }, body: {}, throwOnError: true });
  });
}
