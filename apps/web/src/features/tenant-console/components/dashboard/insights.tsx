import { Group, Stack, Table, Text } from '@mantine/core';
import type { AnomalyAlertDto } from '@keel/api-client';
import { formatDate, formatMoney } from '../../../../lib/format';
import { useAnomalyAlerts, useRecommendations } from '../../api/costs';
import { StatusBadge } from '../table-cells';
import { DashboardPanel } from './dashboard-panel';
import { InsightList } from './insight-list';

const SHOWN = 5;

// Dot badges: the text keeps the page's contrast whatever the colour (yellow text would not reach 4.5:1).
const SEVERITY_COLORS: Record<AnomalyAlertDto['severity'], string> = { low: 'gray', medium: 'yellow', high: 'red' };

/** The newest cost anomalies: what cost more than expected, and by how much. */
export function RecentAnomalies() {
  const anomalies = useAnomalyAlerts(SHOWN);
  return (
    <DashboardPanel title="Recent anomalies">
      <InsightList query={anomalies} noun="anomalies" empty="No cost anomalies found: spending follows its usual pattern.">
        {(items) => (
          <Table.ScrollContainer minWidth={440}>
            <Table aria-label="Recent anomalies" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Detected</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  <Table.Th>Actual</Table.Th>
                  <Table.Th>Severity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((anomaly) => (
                  <Table.Tr key={anomaly.id}>
                    <Table.Td>{formatDate(anomaly.detected_at)}</Table.Td>
                    <Table.Td>
                      {anomaly.service}
                      {anomaly.status === 'resolved' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (resolved)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatMoney(anomaly.expected_amount)}</Table.Td>
                    <Table.Td>{formatMoney(anomaly.actual_amount)}</Table.Td>
                    <Table.Td>
                      <StatusBadge variant="dot" color={SEVERITY_COLORS[anomaly.severity]}>
                        {anomaly.severity}
                      </StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </InsightList>
    </DashboardPanel>
  );
}

/** The savings recommendations worth the most, per month. */
export function TopRecommendations() {
  const recommendations = useRecommendations(SHOWN);
  return (
    <DashboardPanel title="Top recommendations">
      <InsightList query={recommendations} noun="recommendations" empty="No recommendations: nothing to save for now.">
        {(items) => (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((recommendation) => (
              <Group key={recommendation.id} component="li" justify="space-between" wrap="nowrap" gap="md">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {recommendation.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {recommendation.kind.replaceAll('_', ' ')} · {recommendation.status}
                  </Text>
                </Stack>
                <Text size="sm" fw={600} c="teal.9" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(recommendation.estimated_monthly_savings)} / month
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </InsightList>
    </DashboardPanel>
  );
}
