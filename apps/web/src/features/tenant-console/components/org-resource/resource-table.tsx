import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable, RowActions } from '../../../../components/ui/data-table';

export type ResourceColumn<Item> = { header: string; cell: (item: Item) => ReactNode };

type ResourceTableProps<Item extends { id: string }> = {
  label: string;
  items: Item[];
  columns: ResourceColumn<Item>[];
  /** The buttons of a row (edit, delete, …); no actions column without it. */
  actions?: (item: Item) => ReactNode;
  /** Under the table, e.g. the pager. */
  footer?: ReactNode;
};

/** One row per item of a tenant list (accounts, budgets, alert rules, members, sessions). */
export function ResourceTable<Item extends { id: string }>({ label, items, columns, actions, footer }: ResourceTableProps<Item>) {
  return (
    <DataTable label={label} minWidth={760} columns={columns.map((column) => column.header)} withActions={Boolean(actions)} footer={footer}>
      {items.map((item) => (
        <Table.Tr key={item.id}>
          {columns.map((column) => (
            <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
          ))}
          {actions && <RowActions>{actions(item)}</RowActions>}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
