import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { AlertTriangleIcon, CheckIcon, CopyIcon } from '../../../components/ui/icons';

type SecretOnceDialogProps = {
  /** The secret the API just returned; the dialog is open while there is one. */
  secret: string | null;
  title: string;
  /** What the secret is, e.g. "API key": the label of the field that holds it. */
  label: string;
  /** How to use the secret. */
  children?: ReactNode;
  onClose: () => void;
};

/**
 * Shows a secret the API returns once (an API key, a webhook's signing secret), with a Copy
 * button. It closes only after the person confirms they stored it: there is no second chance.
 */
export function SecretOnceDialog({ secret, title, label, children, onClose }: SecretOnceDialogProps) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} centered size="lg" withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false}>
      {/* Mounted only while open, so the confirmation never carries over to the next secret. */}
      {secret !== null && (
        <SecretOnceBody secret={secret} label={label} onClose={onClose}>
          {children}
        </SecretOnceBody>
      )}
    </Modal>
  );
}

function SecretOnceBody({ secret, label, children, onClose }: { secret: string; label: string; children?: ReactNode; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const [stored, setStored] = useState(false);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      notifications.show({ color: 'red', title: 'Could not copy', message: 'Your browser blocked the clipboard: select the text and copy it yourself.' });
    }
  }

  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        variant="light"
        icon={<AlertTriangleIcon />}
        title="You will not see this again"
        // Yellow text on yellow falls short of 4.5:1 contrast: the words keep the text colour, the icon and background the warning.
        styles={{ title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } }}
      >
        Keel shows it only now: copy it into your secret store before you close this dialog. If it is lost, create a new one.
      </Alert>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          value={secret}
          readOnly
          flex={1}
          spellCheck={false}
          // One click selects the whole secret, for copying by hand.
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} leftSection={copied ? <CheckIcon /> : <CopyIcon />} onClick={() => void copySecret()}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Group>
      {children}
      <Checkbox label="I have stored it somewhere safe" checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onClose} disabled={!stored}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
