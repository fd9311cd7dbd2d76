import { acceptStaffInvitation, acceptUserInvitation, type AcceptInviteDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useMutation } from '@tanstack/react-query';

/** Sets the first password of an invited account, in the realm the invitation came from. */
export function useAcceptInvitation(realm: Realm) {
  return useMutation({
    mutationFn: async (body: AcceptInviteDto) => {
      const accept = realm === 'platform' ? acceptStaffInvitation : acceptUserInvitation;
      const { data } = await accept({ body, throwOnError: true });
      return data;
    },
  });
}
