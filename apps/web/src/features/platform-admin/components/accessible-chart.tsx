import '@mantine/charts/styles.css';
import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

type AccessibleChartProps = {
  /** What the chart shows; the caption of its data table. */
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Shows the table under the chart too, where its exact figures matter to everyone (a few rows at most). */
  withVisibleTable?: boolean;
  /** A chart drawn without its own keyboard layer (`accessibilityLayer={false}`): the table is its text form. */
  children: ReactNode;
};

/**
 * A chart for the eye and the same figures as a table for screen readers. The chart is hidden from
 * assistive technology, which gets a real table instead of an SVG of bars.
 */
export function AccessibleChart({ caption, columns, rows, withVisibleTable, children }: AccessibleChartProps) {
  const table = (
    <Table mt={withVisibleTable ? 'md' : undefined}>
      <caption>{withVisibleTable ? <VisuallyHidden>{caption}</VisuallyHidden> : caption}</caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, index) => (
              <Table.Td key={columns[index]}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <>
      <div aria-hidden="true">{children}</div>
      {withVisibleTable ? table : <VisuallyHidden>{table}</VisuallyHidden>}
    </>
  );
}
