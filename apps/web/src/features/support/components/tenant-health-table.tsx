import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TenantHealthRowDto } from '@keel/api-client';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { formatCount, formatDateTime, formatPercent, formatRelative } from '../../../lib/format';
import { supportTenantPath } from '../../../lib/paths';
import { ORG_STATUS_LABELS } from '../utils/health-classes';
import type { SupportSessionAction } from '../utils/support-session-action';
import { readSort, type SortField, type TenantHealthSort } from '../utils/tenant-health-filters';
import { HealthBadge } from './health-badge';

type TenantHealthTableProps = {
  tenants: TenantHealthRowDto[];
  sort: TenantHealthSort;
  onSort: (field: SortField) => void;
  supportSessionAction?: SupportSessionAction;
};

export function TenantHealthTable({ tenants, sort, onSort, supportSessionAction }: TenantHealthTableProps) {
  const current = readSort(sort);
  const shownSort = { field: current.field, direction: current.descending ? 'descending' : 'ascending' } as const;
  const sortable = (field: SortField, label: string) => <SortableHeader field={field} label={label} sort={shownSort} onSort={onSort} />;
  return (
    <DataTable
      label="Tenant health"
      minWidth={1080}
      framed={false}
      columns={[sortable('name', 'Tenant'), 'Status', sortable('health', 'Health'), sortable('api_calls_24h', 'API calls (24 h)'), sortable('error_rate', 'Error rate'), sortable('last_seen_at', 'Last seen'), 'Why']}
      withActions
    >
      {tenants.map((tenant) => (
        <Table.Tr key={tenant.org_id}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {tenant.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{ORG_STATUS_LABELS[tenant.status]}</Text>
          </Table.Td>
          <Table.Td>
            <HealthBadge health={tenant.health} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatCount(tenant.api_calls_24h)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatPercent(tenant.error_rate)}</Text>
          </Table.Td>
          <Table.Td>
            {tenant.last_seen_at ? (
              <Text size="sm" component="time" dateTime={tenant.last_seen_at} title={formatDateTime(tenant.last_seen_at)} style={{ whiteSpace: 'nowrap' }}>
                {formatRelative(tenant.last_seen_at)}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                never
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed" lineClamp={2} maw={280}>
              {tenant.reason}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap" justify="flex-end">
              <Button component={Link} to={supportTenantPath(tenant.org_id)} variant="default" size="compact-sm" aria-label={`View details of ${tenant.name}`}>
                View details
              </Button>
              {supportSessionAction?.({ orgId: tenant.org_id, orgName: tenant.name, compact: true })}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
