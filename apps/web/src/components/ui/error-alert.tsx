import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

type ErrorAlertProps = { title?: string; children: ReactNode };

/** An error a person must read; role="alert" so screen readers announce it when it appears. */
export function ErrorAlert({ title, children }: ErrorAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {children}
    </Alert>
  );
}
