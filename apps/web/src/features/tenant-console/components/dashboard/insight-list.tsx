import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../../../components/ui/query-states';

type InsightListProps<Item> = {
  query: UseQueryResult<{ items: Item[] }>;
  /** What is loading or failing, in the loading and error messages: "anomalies". */
  noun: string;
  empty: string;
  children: (items: Item[]) => ReactNode;
};

/** A short list of the dashboard (anomalies, recommendations) with its own loading, error and empty states. */
export function InsightList<Item>({ query, noun, empty, children }: InsightListProps<Item>) {
  if (query.isPending) return <LoadingState label={`Loading ${noun}`} />;
  if (query.isError) return <ErrorState title={`The ${noun} could not be loaded`} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return children(query.data.items);
}
