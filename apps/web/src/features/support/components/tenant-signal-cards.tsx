import { SimpleGrid } from '@mantine/core';
import type { TenantHealthDetailDto } from '@keel/api-client';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount, formatDateTime, formatPercent, formatRelative } from '../../../lib/format';

/** The four signals the health class is judged from (SPEC §5). */
export function TenantSignalCards({ tenant }: { tenant: TenantHealthDetailDto }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <StatCard label="API calls (24 h)" value={formatCount(tenant.api_calls_24h)} hint="Tenant API requests and ingested events" />
      <StatCard label="Errors (24 h)" value={formatCount(tenant.errors_24h)} hint={`Error rate ${formatPercent(tenant.error_rate)}`} color={tenant.errors_24h > 0 ? 'red.8' : undefined} />
      <StatCard label="Baseline" value={formatCount(tenant.baseline_calls_per_day)} hint="Calls a day over the 7 days before" />
      <StatCard label="Last seen" value={formatRelative(tenant.last_seen_at)} hint={tenant.last_seen_at ? formatDateTime(tenant.last_seen_at) : 'No API call recorded'} />
    </SimpleGrid>
  );
}
