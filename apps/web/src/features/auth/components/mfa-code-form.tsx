import { Button, Stack, TextInput } from '@mantine/core';
import type { TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useVerifyMfa } from '../api/sign-in';
import { SignInProblemAlert } from './sign-in-problem-alert';

type MfaCodeFormProps = {
  realm: Realm;
  mfaToken: string;
  kind: 'authenticator' | 'recovery';
  submitLabel: string;
  onVerified: (tokens: TokenPairDto) => void;
  /** Links under the button: another way to sign in, or starting over. */
  children?: ReactNode;
};

/** One code field and its submit: a 6-digit TOTP code, or a one-time recovery code. */
export function MfaCodeForm({ realm, mfaToken, kind, submitLabel, onVerified, children }: MfaCodeFormProps) {
  const verify = useVerifyMfa(realm);
  const [code, setCode] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.mutate({ mfaToken, code: code.replace(/\s/g, '') }, { onSuccess: onVerified });
  }

  return (
    <form onSubmit={handleSubmit}>
      <Stack gap="md">
        {kind === 'authenticator' ? (
          <TextInput
            key="authenticator"
            label="Authentication code"
            description="The 6-digit code your authenticator app shows for Keel"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            disabled={verify.isPending}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
          />
        ) : (
          <TextInput
            key="recovery"
            label="Recovery code"
            description="One of the codes you saved when you set up two-factor authentication, like abcd-efgh-jkmn"
            autoComplete="off"
            spellCheck={false}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            disabled={verify.isPending}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        )}
        {verify.isError && <SignInProblemAlert error={verify.error} step="code" />}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {submitLabel}
        </Button>
        {children}
      </Stack>
    </form>
  );
}
