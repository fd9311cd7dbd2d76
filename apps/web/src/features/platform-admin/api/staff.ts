import { changeStaffUserRole, createStaffUser, disableStaffUser, listStaffUsers, type CreateStaffUserDto } from '@keel/api-client';
import type { PlatformRole } from '@keel/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { platformKeys, type PageQuery } from './platform-keys';
import { usePlatformMutation } from './platform-mutation';

export function useStaffUsers(query: PageQuery) {
  return useQuery({
    queryKey: platformKeys.staffPage(query),
    queryFn: async ({ signal }) => (await listStaffUsers({ query, signal, throwOnError: true })).data,
    placeholderData: keepPreviousData,
  });
}

/** Invites a staff member: the API e-mails them a link to set their password. */
export function useInviteStaff() {
  return usePlatformMutation(async (body: CreateStaffUserDto) => (await createStaffUser({ body, throwOnError: true })).data);
}

export function useChangeStaffRole() {
  return usePlatformMutation(async ({ id, role }: { id: string; role: PlatformRole }) => (await changeStaffUserRole({ path: { id }, body: { role }, throwOnError: true })).data);
}

export function useDisableStaff() {
  return usePlatformMutation(async (id: string) => (await disableStaffUser({ path: { id }, body: {}, throwOnError: true })).data);
}
