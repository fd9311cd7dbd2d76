import { Alert, Code, Text } from '@mantine/core';
import type { AuditVerificationDto } from '@keel/api-client';
import { formatCount } from '../../../lib/format';

type ChainVerificationAlertProps = { result: AuditVerificationDto; onClose: () => void };

/** What "Verify chain" found: intact (and how much is still waiting for the sealer), or where it breaks. */
export function ChainVerificationAlert({ result, onClose }: ChainVerificationAlertProps) {
  const unsealed =
    result.unsealed > 0
      ? ` ${formatCount(result.unsealed)} recent ${result.unsealed === 1 ? 'entry is' : 'entries are'} not sealed yet; the sealer links new entries within seconds.`
      : '';
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title="Hash chain intact" role="status" withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
        <Text size="sm">
          {formatCount(result.checked)} sealed {result.checked === 1 ? 'entry' : 'entries'} checked: none was changed or removed.{unsealed}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="Hash chain broken" role="alert" withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
      <Text size="sm">
        The chain breaks at entry <Code>{result.first_broken_id ?? 'unknown'}</Code>: that entry, or one before it, was altered or removed after it
        was written. {formatCount(result.checked)} entries checked.{unsealed}
      </Text>
    </Alert>
  );
}
