import {
  confirmStaffPasswordReset,
  confirmUserPasswordReset,
  requestStaffPasswordReset,
  requestUserPasswordReset,
  type PasswordResetConfirmDto,
  type PasswordResetRequestDto,
} from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useMutation } from '@tanstack/react-query';

/** Asks for a reset mail; the API answers the same whether or not the account exists. */
export function useRequestPasswordReset(realm: Realm) {
  return useMutation({
    mutationFn: async (body: PasswordResetRequestDto) => {
      const request = realm === 'platform' ? requestStaffPasswordReset : requestUserPasswordReset;
      const { data } = await request({ body, throwOnError: true });
      return data;
    },
  });
}

/** Sets a new password with the token from a reset mail. */
export function useConfirmPasswordReset(realm: Realm) {
  return useMutation({
    mutationFn: async (body: PasswordResetConfirmDto) => {
      const confirm = realm === 'platform' ? confirmStaffPasswordReset : confirmUserPasswordReset;
      const { data } = await confirm({ body, throwOnError: true });
      return data;
    },
  });
}
