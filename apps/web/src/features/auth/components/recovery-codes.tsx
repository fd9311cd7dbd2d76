import { Button, Checkbox, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CopyIcon, DownloadIcon } from '../../../components/ui/icons';
import { saveFile } from '../../../lib/download';

type RecoveryCodesProps = { codes: string[]; continuing: boolean; onContinue: () => void };

const FILE_NAME = 'keel-recovery-codes.txt';

/** The ten one-time recovery codes, shown once after enrollment: copy or download them, then continue. */
export function RecoveryCodes({ codes, continuing, onContinue }: RecoveryCodesProps) {
  const [saved, setSaved] = useState(false);
  const text = recoveryCodesText(codes);

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(text);
      notifications.show({ color: 'teal', title: 'Recovery codes copied', message: 'Paste them into your password manager.' });
    } catch {
      notifications.show({ color: 'red', title: 'Could not copy', message: 'Your browser blocked the clipboard. Download the codes instead.' });
    }
  }

  function downloadCodes() {
    saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), FILE_NAME);
    notifications.show({ color: 'teal', title: 'Recovery codes downloaded', message: `Saved as ${FILE_NAME}.` });
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        If you lose your authenticator, each of these codes signs you in once. This is the only time Keel shows them: keep them
        somewhere safe, such as a password manager.
      </Text>
      <SimpleGrid component="ol" aria-label="Recovery codes" cols={2} spacing="xs" verticalSpacing="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {codes.map((code) => (
          <li key={code}>
            <Code block ta="center" fz="sm">
              {code}
            </Code>
          </li>
        ))}
      </SimpleGrid>
      <Group grow>
        <Button variant="default" leftSection={<CopyIcon />} onClick={() => void copyCodes()}>
          Copy codes
        </Button>
        <Button variant="default" leftSection={<DownloadIcon />} onClick={downloadCodes}>
          Download .txt
        </Button>
      </Group>
      <Checkbox label="I have saved my recovery codes" checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Button onClick={onContinue} disabled={!saved} loading={continuing} fullWidth>
        Continue to Keel
      </Button>
    </Stack>
  );
}

function recoveryCodesText(codes: string[]): string {
  return `Keel recovery codes (${window.location.host})\nEach code signs you in once instead of an authenticator code.\n\n${codes.join('\n')}\n`;
}
