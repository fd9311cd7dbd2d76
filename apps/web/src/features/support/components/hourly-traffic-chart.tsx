import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { HourlyPointDto } from '@keel/api-client';
import { useId } from 'react';
import { formatCount, formatDateTime } from '../../../lib/format';

const hourFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric' });

/** What the chart shows, in one sentence, for those who cannot see it. */
function summarize(hourly: HourlyPointDto[]): string {
  const calls = hourly.reduce((sum, point) => sum + point.calls, 0);
  const errors = hourly.reduce((sum, point) => sum + point.errors, 0);
  const busiest = hourly.reduce((top, point) => (point.calls > top.calls ? point : top), hourly[0]);
  return `API calls per hour over the last 48 hours: ${formatCount(calls)} calls and ${formatCount(errors)} errors in all; the busiest hour, ${formatDateTime(busiest.hour)}, had ${formatCount(busiest.calls)} calls. Every hour is listed in the table that follows.`;
}

/** The tenant's last 48 hours, hour by hour (oldest first): API calls and the errors among them. */
export function HourlyTrafficChart({ hourly }: { hourly: HourlyPointDto[] }) {
  const titleId = useId();
  const quiet = hourly.every((point) => point.calls === 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="h4" id={titleId}>
        Last 48 hours
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        API calls and server errors (status 500 or above) per hour.
      </Text>
      {quiet ? (
        <Text size="sm">No API calls in the last 48 hours.</Text>
      ) : (
        <>
          <div role="img" aria-label={summarize(hourly)}>
            <AreaChart
              h={260}
              data={hourly.map((point) => ({ hour: hourFormat.format(new Date(point.hour)), calls: point.calls, errors: point.errors }))}
              dataKey="hour"
              series={[
                { name: 'calls', label: 'Calls', color: 'blue.6' },
                { name: 'errors', label: 'Errors', color: 'red.7' },
              ]}
              curveType="monotone"
              withDots={false}
              withLegend
              valueFormatter={formatCount}
              // The table below is the keyboard and screen-reader way through the data.
              accessibilityLayer={false}
              xAxisProps={{ interval: 5 }}
            />
          </div>
          <VisuallyHidden>
            <Table>
              <caption>API calls and errors per hour, last 48 hours</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Hour</Table.Th>
                  <Table.Th scope="col">Calls</Table.Th>
                  <Table.Th scope="col">Errors</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hourly.map((point) => (
                  <Table.Tr key={point.hour}>
                    <Table.Td>{formatDateTime(point.hour)}</Table.Td>
                    <Table.Td>{formatCount(point.calls)}</Table.Td>
                    <Table.Td>{formatCount(point.errors)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Paper>
  );
}
