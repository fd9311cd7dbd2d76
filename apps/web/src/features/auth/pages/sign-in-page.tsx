import { Alert, Button } from '@mantine/core';
import type { MfaEnrollmentDto, TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { CenteredCard } from '../../../components/ui/centered-card';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { apiErrorMessage } from '../../../lib/api-error';
import { safeReturnTo } from '../../../lib/auth/return-to';
import type { SessionState } from '../../../lib/auth/session';
import { useSession, useSessionState } from '../../../lib/auth/session-context';
import { consoleHomePath } from '../../../lib/authorization';
import { CredentialsForm } from '../components/credentials-form';
import { MfaEnrollment } from '../components/mfa-enrollment';
import { MfaVerification } from '../components/mfa-verification';
import { RecoveryCodes } from '../components/recovery-codes';

type SignInStep =
  | { name: 'credentials' }
  | { name: 'code'; mfaToken: string }
  | { name: 'enroll'; mfaToken: string; enrollment: MfaEnrollmentDto }
  | { name: 'recovery-codes'; tokens: TokenPairDto; codes: string[] };

const STEP_TITLES: Record<Exclude<SignInStep['name'], 'credentials'>, string> = {
  code: 'Two-factor authentication',
  enroll: 'Set up two-factor authentication',
  'recovery-codes': 'Save your recovery codes',
};

/** `/platform/login` and `/login`: password, then the MFA step the account needs; back to `returnTo` afterwards. */
export function SignInPage({ realm }: { realm: Realm }) {
  const session = useSession();
  const sessionState = useSessionState();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'), realm);
  const [step, setStep] = useState<SignInStep>({ name: 'credentials' });
  const startSession = useMutation({ mutationFn: (tokens: TokenPairDto) => session.establish(realm, tokens) });

  if (sessionState.status === 'signed-in' && sessionState.realm === realm) {
    return <Navigate to={returnTo ?? consoleHomePath(realm, sessionState.user.role)} replace />;
  }
  // A remembered session is being restored: wait rather than flash the form.
  if (sessionState.status === 'restoring') return <FullPageLoader label="Restoring your session" />;
  if (sessionState.status === 'signed-in') return <SignedInElsewhere realm={realm} state={sessionState} />;

  const title = step.name === 'credentials' ? (realm === 'platform' ? 'Staff sign-in' : 'Sign in to your organization') : STEP_TITLES[step.name];
  const startOver = () => setStep({ name: 'credentials' });
  const afterCode = (tokens: TokenPairDto) => {
    // Recovery codes come once, with the code that completes an enrollment: show them before going on.
    if (tokens.recovery_codes?.length) setStep({ name: 'recovery-codes', tokens, codes: tokens.recovery_codes });
    else startSession.mutate(tokens);
  };

  return (
    <>
      <title>{`${title} · Keel`}</title>
      <CenteredCard title={title} description={step.name === 'credentials' ? credentialsDescription(realm) : undefined}>
        {step.name === 'credentials' && <SignedOutNotice state={sessionState} realm={realm} />}
        {startSession.isError && <ErrorAlert title="Sign-in failed">{apiErrorMessage(startSession.error)}</ErrorAlert>}
        {step.name === 'credentials' && (
          <CredentialsForm
            realm={realm}
            onSignedIn={(tokens) => startSession.mutate(tokens)}
            onCodeRequired={(mfaToken) => setStep({ name: 'code', mfaToken })}
            onEnrollmentStarted={(mfaToken, enrollment) => setStep({ name: 'enroll', mfaToken, enrollment })}
          />
        )}
        {step.name === 'code' && <MfaVerification realm={realm} mfaToken={step.mfaToken} onVerified={afterCode} onStartOver={startOver} />}
        {step.name === 'enroll' && (
          <MfaEnrollment realm={realm} mfaToken={step.mfaToken} enrollment={step.enrollment} onEnrolled={afterCode} onStartOver={startOver} />
        )}
        {step.name === 'recovery-codes' && (
          <RecoveryCodes codes={step.codes} continuing={startSession.isPending} onContinue={() => startSession.mutate(step.tokens)} />
        )}
      </CenteredCard>
    </>
  );
}

function credentialsDescription(realm: Realm): string {
  return realm === 'platform' ? 'For Keel platform staff. Two-factor authentication is required.' : 'Sign in with the e-mail address your organization invited.';
}

/** Why the person is here again: their session ended, or they changed their password. */
function SignedOutNotice({ state, realm }: { state: SessionState; realm: Realm }) {
  if (state.status !== 'signed-out' || state.realm !== realm) return null;
  if (state.reason === 'expired') {
    return (
      <Alert color="blue" variant="light" title="Your session has ended" role="status">
        Sign in again to continue where you left off.
      </Alert>
    );
  }
  if (state.reason === 'password-changed') {
    return (
      <Alert color="teal" variant="light" title="Password changed" role="status">
        Every session of your account has ended. Sign in with your new password.
      </Alert>
    );
  }
  return null;
}

/** The refresh cookie holds one session at a time: leave the other realm's first, so it really ends. */
function SignedInElsewhere({ realm, state }: { realm: Realm; state: Extract<SessionState, { status: 'signed-in' }> }) {
  const session = useSession();
  const signOut = useMutation({ mutationFn: () => session.signOut() });
  const title = realm === 'platform' ? 'Staff sign-in' : 'Sign in to your organization';
  return (
    <>
      <title>{`${title} · Keel`}</title>
      <CenteredCard title={title}>
        <Alert color="blue" variant="light" title={`You are signed in as ${state.user.email}`}>
          {state.realm === 'platform' ? 'That is a platform staff account.' : 'That is an organization account.'} Sign out of it to sign in here.
        </Alert>
        <Button onClick={() => signOut.mutate()} loading={signOut.isPending} fullWidth>
          Sign out of {state.user.email}
        </Button>
        <Button component={Link} to={consoleHomePath(state.realm, state.user.role)} variant="default" fullWidth>
          Back to my console
        </Button>
      </CenteredCard>
    </>
  );
}
