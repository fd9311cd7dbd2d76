import { ActionIcon, Anchor, CopyButton, List, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { MfaEnrollmentDto, TokenPairDto } from '@keel/api-client';
import type { Realm } from '@keel/shared';
import { CheckIcon, CopyIcon } from '../../../components/ui/icons';
import { MfaCodeForm } from './mfa-code-form';
import { TotpQrCode } from './totp-qr-code';

type MfaEnrollmentProps = {
  realm: Realm;
  mfaToken: string;
  enrollment: MfaEnrollmentDto;
  onEnrolled: (tokens: TokenPairDto) => void;
  onStartOver: () => void;
};

/** First sign-in of an account that must use two-factor authentication: scan, then prove it with a code. */
export function MfaEnrollment({ realm, mfaToken, enrollment, onEnrolled, onStartOver }: MfaEnrollmentProps) {
  return (
    <Stack gap="md">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>Open an authenticator app (1Password, Google Authenticator, Authy, …).</List.Item>
        <List.Item>Scan this QR code, or type the secret key below.</List.Item>
        <List.Item>Enter the 6-digit code the app then shows.</List.Item>
      </List>
      <TotpQrCode otpauthUrl={enrollment.otpauth_url} />
      <TextInput
        label="Secret key"
        description="For apps that cannot scan: enter it as a time-based key"
        readOnly
        value={enrollment.secret}
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        rightSection={<CopySecretButton secret={enrollment.secret} />}
      />
      <MfaCodeForm realm={realm} mfaToken={mfaToken} kind="authenticator" submitLabel="Verify and turn on" onVerified={onEnrolled}>
        <Text size="xs" c="dimmed" ta="center">
          Not now?{' '}
          <Anchor component="button" type="button" size="xs" onClick={onStartOver}>
            Back to sign-in
          </Anchor>
        </Text>
      </MfaCodeForm>
    </Stack>
  );
}

function CopySecretButton({ secret }: { secret: string }) {
  return (
    <CopyButton value={secret}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy the secret key'} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy the secret key">
            {copied ? <CheckIcon /> : <CopyIcon />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
