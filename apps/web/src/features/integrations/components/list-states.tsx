import { Paper } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';

type ListStatesProps<Item> = {
  list: UseQueryResult<Item[]>;
  loadingLabel: string;
  errorTitle: string;
  /** What shows when the list is empty (a NothingFound). */
  empty: ReactNode;
  /** The table of a list with items. */
  children: (items: Item[]) => ReactNode;
};

/** A list query's loading, error (with retry) and empty states, or its table in a bordered paper. */
export function ListStates<Item>({ list, loadingLabel, errorTitle, empty, children }: ListStatesProps<Item>) {
  if (list.isPending) return <LoadingState label={loadingLabel} />;
  if (list.isError) return <ErrorState title={errorTitle} error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return empty;
  return (
    <Paper withBorder radius="md">
      {children(list.data)}
    </Paper>
  );
}
