import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrgRowDto } from '@keel/api-client';
import { Link } from 'react-router';
import { formatCount, formatDate, formatRelative } from '../../../lib/format';
import { platformOrgPath } from '../../../lib/paths';
import { ORG_STATUS, PLAN } from '../utils/labels';
import type { OrgSortField } from '../utils/org-list-params';
import type { Sort } from '../../../lib/sort';
import { DataTable } from '../../../components/ui/data-table';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { StatusBadge } from './status-badge';

type OrgsTableProps = { orgs: OrgRowDto[]; sort: Sort<OrgSortField>; onSort: (field: OrgSortField) => void; footer: ReactNode };

export function OrgsTable({ orgs, sort, onSort, footer }: OrgsTableProps) {
  const header = (field: OrgSortField, label: string, numeric?: boolean) => <SortableHeader field={field} label={label} sort={sort} onSort={onSort} numeric={numeric} />;
  return (
    <DataTable
      label="Organizations"
      minWidth={980}
      columns={[
        header('name', 'Name'),
        header('slug', 'Slug'),
        header('status', 'Status'),
        header('plan', 'Plan'),
        header('user_count', 'Users', true),
        header('account_count', 'Accounts', true),
        header('error_count', 'Sync errors', true),
        header('last_sync_at', 'Last sync'),
        header('created_at', 'Created'),
      ]}
      footer={footer}
    >
      {orgs.map((org) => (
        <Table.Tr key={org.id}>
          <Table.Td>
            <Anchor component={Link} to={platformOrgPath(org.id)} fw={600} size="sm">
              {org.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace">
              {org.slug}
            </Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge {...ORG_STATUS[org.status]} />
          </Table.Td>
          <Table.Td>
            <StatusBadge {...PLAN[org.plan]} variant="outline" />
          </Table.Td>
          <Table.Td ta="right">{formatCount(org.user_count)}</Table.Td>
          <Table.Td ta="right">{formatCount(org.account_count)}</Table.Td>
          <Table.Td ta="right" c={org.error_count > 0 ? 'red.9' : undefined} fw={org.error_count > 0 ? 700 : undefined}>
            {formatCount(org.error_count)}
          </Table.Td>
          <Table.Td>
            <Text size="sm" component="span" title={org.last_sync_at ?? undefined} style={{ whiteSpace: 'nowrap' }}>
              {formatRelative(org.last_sync_at)}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(org.created_at)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
