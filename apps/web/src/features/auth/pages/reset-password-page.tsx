import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import type { Realm } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CenteredCard } from '../../../components/ui/centered-card';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../lib/api-error';
import { signInPath } from '../../../lib/paths';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password-reset';
import { InvalidLinkCard } from '../components/invalid-link-card';
import { NewPasswordForm } from '../components/new-password-form';
import { SuccessMessage } from '../components/success-message';
import { parseRealm } from '../utils/realm';

/** `/reset-password?realm=…` asks for a reset mail; the mailed link adds `&token=…` to set the new password. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  return (
    <>
      <title>Reset your password · Keel</title>
      <ResetPasswordStep realmParameter={searchParams.get('realm')} token={searchParams.get('token')} />
    </>
  );
}

function ResetPasswordStep({ realmParameter, token }: { realmParameter: string | null; token: string | null }) {
  const realm = parseRealm(realmParameter);
  if (token === null) {
    // Without a realm the request form serves tenant users, who far outnumber staff.
    if (realmParameter === null) return <RequestPasswordReset realm="tenant" />;
    return realm ? <RequestPasswordReset realm={realm} /> : <InvalidLinkCard title="Reset your password" />;
  }
  // A mailed link always names its realm: never guess which kind of account a token belongs to.
  return realm && token ? <ConfirmPasswordReset realm={realm} token={token} /> : <InvalidLinkCard title="Choose a new password" />;
}

function RequestPasswordReset({ realm }: { realm: Realm }) {
  const requestReset = useRequestPasswordReset(realm);
  const [email, setEmail] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    requestReset.mutate({ email: email.trim() });
  }

  if (requestReset.isSuccess) {
    return (
      <CenteredCard title="Check your inbox">
        {/* Deliberately the same whether or not the account exists: no account enumeration. */}
        <Text role="status">If an account exists for {email.trim()}, a mail with a reset link is on its way. The link is valid for a limited time.</Text>
        <Anchor component={Link} to={signInPath(realm)}>
          Back to sign-in
        </Anchor>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title="Reset your password" description="Enter the e-mail address of your account and we will mail you a link to choose a new password.">
      <form onSubmit={handleSubmit}>
        <Stack gap="md">
          <TextInput
            label="E-mail address"
            type="email"
            autoComplete="email"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            disabled={requestReset.isPending}
          />
          {requestReset.isError && <ErrorAlert>{apiErrorMessage(requestReset.error)}</ErrorAlert>}
          <Button type="submit" loading={requestReset.isPending} fullWidth>
            Send reset link
          </Button>
          <Anchor component={Link} to={signInPath(realm)} size="sm" ta="center">
            Back to sign-in
          </Anchor>
        </Stack>
      </form>
    </CenteredCard>
  );
}

function ConfirmPasswordReset({ realm, token }: { realm: Realm; token: string }) {
  const confirmReset = useConfirmPasswordReset(realm);

  if (confirmReset.isSuccess) {
    return (
      <CenteredCard title="Password changed">
        <SuccessMessage realm={realm}>Your new password is set, and every session that used the old one has been signed out.</SuccessMessage>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title="Choose a new password">
      <NewPasswordForm
        submitLabel="Set new password"
        submitting={confirmReset.isPending}
        error={confirmReset.isError ? apiErrorMessage(confirmReset.error) : undefined}
        onSubmit={(password) => confirmReset.mutate({ token, password })}
      />
    </CenteredCard>
  );
}
