import { Anchor, Group, Text } from '@mantine/core';
import type { TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { useState } from 'react';
import { MfaCodeForm } from './mfa-code-form';

type MfaVerificationProps = {
  realm: Realm;
  mfaToken: string;
  onVerified: (tokens: TokenPairDto) => void;
  onStartOver: () => void;
};

/** The second step for an account with two-factor authentication: a TOTP code, or a recovery code. */
export function MfaVerification({ realm, mfaToken, onVerified, onStartOver }: MfaVerificationProps) {
  const [kind, setKind] = useState<'authenticator' | 'recovery'>('authenticator');
  const useRecoveryCode = kind === 'recovery';

  return (
    <>
      <Text size="sm" c="dimmed">
        {useRecoveryCode
          ? 'Each recovery code works once. After signing in, keep the remaining codes somewhere safe.'
          : 'Open your authenticator app and enter the current code for Keel.'}
      </Text>
      <MfaCodeForm
        // A fresh form (and error) when switching between the two kinds of code.
        key={kind}
        realm={realm}
        mfaToken={mfaToken}
        kind={kind}
        submitLabel="Verify and sign in"
        onVerified={onVerified}
      >
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
            Start over
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => setKind(useRecoveryCode ? 'authenticator' : 'recovery')}>
            {useRecoveryCode ? 'Use your authenticator app' : 'Use a recovery code'}
          </Anchor>
        </Group>
      </MfaCodeForm>
    </>
  );
}
