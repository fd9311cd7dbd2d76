import { BarChart } from '@mantine/charts';
import type { GrowthPointDto } from '@keel/api-client';
import { formatCount, formatDate } from '../../../lib/format';
import { AccessibleChart } from './accessible-chart';

/** New organizations per week, as bars; the table under it says the same to screen readers. */
export function GrowthChart({ points }: { points: GrowthPointDto[] }) {
  const data = points.map((point) => ({ week: formatDate(point.week_start), 'New organizations': point.new_orgs }));
  return (
    <AccessibleChart
      caption={`New organizations per week, the last ${points.length} weeks`}
      columns={['Week starting', 'New organizations']}
      rows={points.map((point) => [formatDate(point.week_start), formatCount(point.new_orgs)])}
    >
      <BarChart
        h={260}
        data={data}
        dataKey="week"
        series={[{ name: 'New organizations', color: 'blue.6' }]}
        tickLine="y"
        yAxisProps={{ allowDecimals: false }}
        accessibilityLayer={false}
      />
    </AccessibleChart>
  );
}
