import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { MfaEnrollmentDto, TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths, resetPasswordPath } from '../../../lib/paths';
import { useEnrollMfa, useLogin } from '../api/sign-in';
import { SignInProblemAlert } from './sign-in-problem-alert';

type CredentialsFormProps = {
  realm: Realm;
  onSignedIn: (tokens: TokenPairDto) => void;
  onCodeRequired: (mfaToken: string) => void;
  onEnrollmentStarted: (mfaToken: string, enrollment: MfaEnrollmentDto) => void;
};

/** E-mail and password; when the account must set up two-factor authentication, starts that at once. */
export function CredentialsForm({ realm, onSignedIn, onCodeRequired, onEnrollmentStarted }: CredentialsFormProps) {
  const login = useLogin(realm);
  const enroll = useEnrollMfa(realm);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const busy = login.isPending || enroll.isPending;
  const error = login.error ?? enroll.error;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.reset();
    enroll.reset();
    const result = await login.mutateAsync({ email: email.trim(), password }).catch(() => null);
    if (!result) return;
    if ('access_token' in result) onSignedIn(result);
    else if ('mfa_required' in result) onCodeRequired(result.mfa_token);
    else {
      const enrollment = await enroll.mutateAsync(result.mfa_token).catch(() => null);
      if (enrollment) onEnrollmentStarted(result.mfa_token, enrollment);
    }
  }

  return (
    <form onSubmit={handleSubmit}>
      <Stack gap="md">
        <TextInput
          label="E-mail address"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          disabled={busy}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          disabled={busy}
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        {error && <SignInProblemAlert error={error} step="password" />}
        <Button type="submit" loading={busy} fullWidth>
          Sign in
        </Button>
        <Group justify="space-between">
          <Anchor component={Link} to={paths.home} size="sm">
            Back to Keel
          </Anchor>
          <Anchor component={Link} to={resetPasswordPath(realm)} size="sm">
            Forgot your password?
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
