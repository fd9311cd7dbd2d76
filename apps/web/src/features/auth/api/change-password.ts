import { changeStaffPassword, changeUserPassword, type ChangePasswordDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useMutation } from '@tanstack/react-query';

/** Changes the signed-in person's password; the API then ends every session of the account. */
export function useChangePassword(realm: Realm) {
  return useMutation({
    mutationFn: async (body: ChangePasswordDto) => {
      const change = realm === 'platform' ? changeStaffPassword : changeUserPassword;
      const { data } = await change({ body, throwOnError: true });
      return data;
    },
  });
}
