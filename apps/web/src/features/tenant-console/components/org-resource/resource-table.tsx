import { Group, Paper, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

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
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={label} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
              {actions && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
                ))}
                {actions && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {actions(item)}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
    </Paper>
  );
}
