import { Button, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { TenantHealthRowDto } from '@keel/api-client';
import { Link } from 'react-router';
import { ChevronDownIcon } from '../../../components/ui/icons';
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
  const sortable = (field: SortField, label: string) => <SortableHeader field={field} label={label} sort={sort} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Tenant health">
        <Table.Thead>
          <Table.Tr>
            {sortable('name', 'Tenant')}
            <Table.Th>Status</Table.Th>
            {sortable('health', 'Health')}
            {sortable('api_calls_24h', 'API calls (24 h)')}
            {sortable('error_rate', 'Error rate')}
            {sortable('last_seen_at', 'Last seen')}
            <Table.Th>Why</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type SortableHeaderProps = { field: SortField; label: string; sort: TenantHealthSort; onSort: (field: SortField) => void };

/** A column header that sorts through the API; `aria-sort` tells screen readers the current order. */
function SortableHeader({ field, label, sort, onSort }: SortableHeaderProps) {
  const current = readSort(sort);
  const active = current.field === field;
  return (
    <Table.Th aria-sort={active ? (current.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(field)} fw={700} fz="sm">
        <Group component="span" gap={4} wrap="nowrap">
          {label}
          {active && <ChevronDownIcon size={14} style={current.descending ? undefined : { transform: 'rotate(180deg)' }} />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
