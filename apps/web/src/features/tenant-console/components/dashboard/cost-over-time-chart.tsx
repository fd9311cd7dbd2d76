import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Table, VisuallyHidden } from '@mantine/core';
import type { CostSummaryDto } from '@keel/api-client';
import { formatDate, formatMoney } from '../../../../lib/format';
import { formatShortDate } from '../../utils/chart-dates';

/** The cost of each day of the range; screen readers get the same figures as a table. */
export function CostOverTimeChart({ summary }: { summary: CostSummaryDto }) {
  const money = (amount: number) => formatMoney(amount, summary.currency);
  const data = summary.by_day.map((day) => ({ day: formatShortDate(day.date), cost: day.total_cost }));
  return (
    <>
      {/* The drawing repeats the table below for sighted readers; hidden from assistive technology. */}
      <div aria-hidden="true">
        <AreaChart
          h={260}
          data={data}
          dataKey="day"
          series={[{ name: 'cost', label: 'Cost', color: 'blue.7' }]}
          curveType="monotone"
          withDots={false}
          valueFormatter={money}
          yAxisProps={{ width: 80 }}
          accessibilityLayer={false}
        />
      </div>
      <VisuallyHidden>
        <Table>
          <Table.Caption>
            Daily cost from {formatDate(summary.from)} to {formatDate(summary.to)}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Cost</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.by_day.map((day) => (
              <Table.Tr key={day.date}>
                <Table.Td>{formatDate(day.date)}</Table.Td>
                <Table.Td>{money(day.total_cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
