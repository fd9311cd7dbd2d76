import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@keel/shared';

export type NewPasswordErrors = { password?: string; confirmation?: string };

/** The same rules the API applies, checked before anything is sent. */
export function validateNewPassword(password: string, confirmation: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  else if (password.length > PASSWORD_MAX_LENGTH) errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  if (confirmation !== password) errors.confirmation = 'The passwords do not match';
  return errors;
}
