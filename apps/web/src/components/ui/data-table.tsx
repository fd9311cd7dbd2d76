import { Button, Group, Paper, Table, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactElement, type ReactNode } from 'react';

type DataTableProps = {
  /** The table's name for screen readers (and for tests). */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The column headers: a label, or a whole header cell such as a SortableHeader. */
  columns: (string | ReactElement)[];
  /** Adds a last column, named for screen readers only, for the rows' buttons. */
  withActions?: boolean;
  /** Under the table, e.g. its pager. */
  footer?: ReactNode;
  /** Inside a bordered card of its own (the default), or bare inside one its page already draws. */
  framed?: boolean;
  /** The rows. */
  children: ReactNode;
};

/** The console's tables: named, scrolling sideways on narrow screens, bordered unless `framed={false}`. */
export function DataTable({ label, minWidth, columns, withActions, footer, framed = true, children }: DataTableProps) {
  const table = (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) =>
                typeof column === 'string' ? <Table.Th key={column}>{column}</Table.Th> : <Fragment key={index}>{column}</Fragment>,
              )}
              {withActions && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
    </>
  );
  return framed ? (
    <Paper withBorder radius="md">
      {table}
    </Paper>
  ) : (
    table
  );
}

/** The last cell of a row, holding its buttons. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        {children}
      </Group>
    </Table.Td>
  );
}

type RowButtonProps = {
  /** The full name, naming the row: "Revoke the session of ada@example.com". */
  label: string;
  onClick: () => void;
  danger?: boolean;
  children: ReactNode;
};

/** A small button acting on one row; its accessible name says which row. */
export function RowButton({ label, onClick, danger, children }: RowButtonProps) {
  return (
    <Button variant="subtle" color={danger ? 'red' : undefined} size="compact-sm" onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
