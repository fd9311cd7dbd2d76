import { ApiRequestError, apiErrorMessage, describeWait } from '../../../lib/api-error';

export type SignInProblem = { title: string; message: string };

/** What went wrong at a sign-in step, in words that tell the person what to do next. */
export function signInProblem(error: unknown, step: 'password' | 'code'): SignInProblem {
  if (!(error instanceof ApiRequestError)) return { title: 'Sign-in failed', message: apiErrorMessage(error) };
  const wait = error.retryAfterSeconds === undefined ? 'Wait a few minutes and try again.' : `You can try again ${describeWait(error.retryAfterSeconds)}.`;
  switch (error.status) {
    case 401:
      if (step === 'password') return { title: 'Wrong e-mail or password', message: 'The e-mail address or password is not correct. Check both and try again.' };
      // Also a 401: an MFA token that expired while the person looked for their phone.
      return error.message === 'Invalid code'
        ? { title: 'Wrong code', message: 'That code is not correct. Codes change every 30 seconds; enter the current one.' }
        : { title: 'Sign-in expired', message: error.message };
    case 403:
      // A locked organization or a disabled account: the API says which.
      return { title: 'Sign-in refused', message: error.message };
    case 429:
      return step === 'password'
        ? { title: 'Too many sign-in attempts', message: `Sign-in is paused for this account to protect it. ${wait}` }
        : { title: 'Too many wrong codes', message: `Code entry is paused for this account to protect it. ${wait}` };
    default:
      return { title: 'Sign-in failed', message: apiErrorMessage(error) };
  }
}
