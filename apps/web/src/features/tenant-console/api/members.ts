import { changeOrgMemberRole, inviteOrgMember, listOrgMembers, removeOrgMember, type InviteMemberDto, type MemberDto } from '@keel/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PAGE_SIZE } from './org-resource';
import { orgKeys } from './tenant-keys';

export function useMembers(page: number) {
  return useQuery({
    queryKey: orgKeys.members(page),
    queryFn: async ({ signal }) => (await listOrgMembers({ query: { page, limit: PAGE_SIZE }, signal, throwOnError: true })).data,
    placeholderData: keepPreviousData,
  });
}

// Members change the org's user counter too: refresh the org with them.
function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgKeys.all });
}

/** Invites by e-mail; the API mails the link that sets the new member's password. */
export function useInviteMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: async (body: InviteMemberDto) => (await inviteOrgMember({ body, throwOnError: true })).data,
    onSuccess: invalidate,
  });
}

/** The member's sessions end: they sign in again with the new role. */
export function useChangeMemberRole() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: MemberDto['role'] }) => (await changeOrgMemberRole({ path: { id }, body: { role }, throwOnError: true })).data,
    onSuccess: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: async (id: string) => {
      await removeOrgMember({ path: { id }, throwOnError: true });
    },
    onSuccess: invalidate,
  });
}
