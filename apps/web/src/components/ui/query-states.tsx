import { Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { apiErrorMessage } from '../../lib/api-error';
import { AlertTriangleIcon } from './icons';
import { ErrorAlert } from './error-alert';

/** A query on its way: a spinner with a name screen readers announce. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-label={label}>
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** A query that failed: what went wrong, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <ErrorAlert title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{apiErrorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry} leftSection={<AlertTriangleIcon size={14} />}>
            Try again
          </Button>
        )}
      </Stack>
    </ErrorAlert>
  );
}

/** A query that found nothing: say so (as a heading, for screen-reader navigation), and offer the way out. */
export function NothingFound({ title, description, icon, action }: { title: string; description: ReactNode; icon?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState py="xl" withIndicatorBackground={!!icon}>
      {icon && <EmptyState.Indicator>{icon}</EmptyState.Indicator>}
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
