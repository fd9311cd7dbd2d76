import type { TenantHealthQuery } from '../utils/tenant-health-filters';

/** Query keys of the support console's tenant health: the list pages and each tenant's detail. */
export const tenantHealthKeys = {
  all: ['tenant-health'] as const,
  lists: () => [...tenantHealthKeys.all, 'list'] as const,
  list: (query: TenantHealthQuery) => [...tenantHealthKeys.lists(), query] as const,
  detail: (orgId: string) => [...tenantHealthKeys.all, 'detail', orgId] as const,
};
