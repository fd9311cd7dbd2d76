import {
  enrollStaffMfa,
  enrollUserMfa,
  loginStaff,
  loginUser,
  verifyStaffMfa,
  verifyUserMfa,
  type LoginDto,
  type MfaEnrollmentDto,
  type MfaEnrollmentRequiredDto,
  type MfaRequiredDto,
  type TokenPairDto,
} from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useMutation } from '@tanstack/react-query';

export type LoginResult = TokenPairDto | MfaRequiredDto | MfaEnrollmentRequiredDto;

// Every sign-in asks for cookie mode: the refresh token then lives in an httpOnly cookie, out of scripts' reach.
const COOKIE_MODE = { cookie: true } as const;

/** E-mail and password: answers with tokens, or with the MFA step that must follow. */
export function useLogin(realm: Realm) {
  return useMutation({
    mutationFn: async (credentials: Omit<LoginDto, 'cookie'>): Promise<LoginResult> => {
      const login = realm === 'platform' ? loginStaff : loginUser;
      const { data } = await login({ body: { ...credentials, ...COOKIE_MODE }, throwOnError: true });
      return data;
    },
  });
}

/** Starts TOTP enrollment: a new secret, shown once as a QR code and as text. */
export function useEnrollMfa(realm: Realm) {
  return useMutation({
    mutationFn: async (mfaToken: string): Promise<MfaEnrollmentDto> => {
      const enroll = realm === 'platform' ? enrollStaffMfa : enrollUserMfa;
      const { data } = await enroll({ body: { mfa_token: mfaToken }, throwOnError: true });
      return data;
    },
  });
}

/** A TOTP or recovery code: completes the sign-in (and an enrollment, which returns the recovery codes). */
export function useVerifyMfa(realm: Realm) {
  return useMutation({
    mutationFn: async ({ mfaToken, code }: { mfaToken: string; code: string }): Promise<TokenPairDto> => {
      const verify = realm === 'platform' ? verifyStaffMfa : verifyUserMfa;
      const { data } = await verify({ body: { mfa_token: mfaToken, code, ...COOKIE_MODE }, throwOnError: true });
      return data;
    },
  });
}
