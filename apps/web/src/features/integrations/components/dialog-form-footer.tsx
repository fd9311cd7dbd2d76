import { Button, Group } from '@mantine/core';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../lib/api-error';

type DialogFormFooterProps = { submitLabel: string; pending: boolean; error: unknown; onCancel: () => void };

/** The end of a create dialog's form: the API's refusal (e.g. a 400), then Cancel and submit. */
export function DialogFormFooter({ submitLabel, pending, error, onCancel }: DialogFormFooterProps) {
  return (
    <>
      {error != null && <ErrorAlert title={`${submitLabel} failed`}>{apiErrorMessage(error)}</ErrorAlert>}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
