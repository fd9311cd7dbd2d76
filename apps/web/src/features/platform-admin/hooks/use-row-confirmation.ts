import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

type Success = { title: string; message: string };

/**
 * A ConfirmDialog about one row of a table (revoke this session, delete this account…): which row
 * is asked about, and the dialog's props. On success it shows `success(row)` as a toast and closes;
 * closing forgets a failed attempt's error.
 */
export function useRowConfirmation<Row, Variables, Result>(
  mutation: UseMutationResult<Result, Error, Variables>,
  variablesOf: (row: Row) => Variables,
  success: (row: Row) => Success,
) {
  const [row, setRow] = useState<Row | null>(null);
  const close = () => {
    mutation.reset();
    setRow(null);
  };
  return {
    row,
    ask: (target: Row) => setRow(target),
    dialogProps: {
      opened: row !== null,
      onClose: close,
      onConfirm: () => {
        if (!row) return;
        mutation.mutate(variablesOf(row), {
          onSuccess: () => {
            notifications.show({ color: 'teal', ...success(row) });
            close();
          },
        });
      },
      pending: mutation.isPending,
      error: mutation.error,
    },
  };
}
