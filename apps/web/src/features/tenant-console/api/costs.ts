import { getCostSummary, listAnomalyAlerts, listRecommendations } from '@keel/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DayRange } from '../utils/cost-range';
import { costKeys, insightKeys } from './tenant-keys';

/** Total, per provider and per day over a range of whole days. */
export function useCostSummary(range: DayRange) {
  return useQuery({
    queryKey: costKeys.summary(range),
    queryFn: async ({ signal }) => (await getCostSummary({ query: range, signal, throwOnError: true })).data,
    // Switching the range keeps the chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The newest cost anomalies. */
export function useAnomalyAlerts(limit: number) {
  return useQuery({
    queryKey: insightKeys.anomalies(limit),
    queryFn: async ({ signal }) => (await listAnomalyAlerts({ query: { limit }, signal, throwOnError: true })).data,
  });
}

/** The savings recommendations worth the most. */
export function useRecommendations(limit: number) {
  return useQuery({
    queryKey: insightKeys.recommendations(limit),
    queryFn: async ({ signal }) => (await listRecommendations({ query: { limit }, signal, throwOnError: true })).data,
  });
}
