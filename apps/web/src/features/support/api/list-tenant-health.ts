import { listTenantHealth, type TenantHealthListDto } from '@keel/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TenantHealthQuery } from '../utils/tenant-health-filters';
import { tenantHealthKeys } from './tenant-health-keys';

export function tenantHealthListOptions(query: TenantHealthQuery) {
  return queryOptions({
    queryKey: tenantHealthKeys.list(query),
    queryFn: async ({ signal }): Promise<TenantHealthListDto> => (await listTenantHealth({ query, signal, throwOnError: true })).data,
    // Keep the current page (and the stat cards) on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** One page of tenants with their health, and the stats block, which counts every tenant. */
export function useTenantHealthList(query: TenantHealthQuery) {
  return useQuery(tenantHealthListOptions(query));
}
