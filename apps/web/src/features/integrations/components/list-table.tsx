import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

type ListTableProps = { label: string; minWidth: number; columns: string[]; children: ReactNode };

/** A named table with one header per column, then an unlabelled one for the rows' action buttons. */
export function ListTable({ label, minWidth, columns, children }: ListTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
