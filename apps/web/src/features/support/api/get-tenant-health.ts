import { getTenantHealth, type TenantHealthDetailDto } from '@keel/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { tenantHealthKeys } from './tenant-health-keys';

export function tenantHealthOptions(orgId: string) {
  return queryOptions({
    queryKey: tenantHealthKeys.detail(orgId),
    queryFn: async ({ signal }): Promise<TenantHealthDetailDto> => (await getTenantHealth({ path: { id: orgId }, signal, throwOnError: true })).data,
  });
}

/** One tenant's health, its four signals and its last 48 hours, computed live by the API. */
export function useTenantHealth(orgId: string) {
  return useQuery(tenantHealthOptions(orgId));
}
