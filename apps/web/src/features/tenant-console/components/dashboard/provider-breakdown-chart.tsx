import '@mantine/charts/styles.css';
import { DonutChart } from '@mantine/charts';
import { ColorSwatch, Group, Stack, Text } from '@mantine/core';
import type { CostSummaryDto } from '@keel/api-client';
import { formatMoney, formatPercent } from '../../../../lib/format';
import { PROVIDER_COLORS, PROVIDER_LABELS } from '../../utils/labels';

/** The share of each provider in the range's cost: a donut, and beside it the figures as a list. */
export function ProviderBreakdownChart({ summary }: { summary: CostSummaryDto }) {
  const providers = [...summary.by_provider].sort((a, b) => b.total_cost - a.total_cost);
  const share = (amount: number) => (summary.total_cost > 0 ? Math.round((amount / summary.total_cost) * 1000) / 10 : 0);
  return (
    <Group gap="xl" wrap="wrap" align="center">
      <div aria-hidden="true">
        <DonutChart
          size={160}
          thickness={28}
          data={providers.map((provider) => ({ name: PROVIDER_LABELS[provider.provider], value: provider.total_cost, color: PROVIDER_COLORS[provider.provider] }))}
          valueFormatter={(amount) => formatMoney(amount, summary.currency)}
          accessibilityLayer={false}
          // Recharts makes the pie a tab stop of its own; the list beside it already says everything.
          pieProps={{ rootTabIndex: -1 }}
        />
      </div>
      <Stack gap="xs" component="ul" aria-label="Cost by provider" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {providers.map((provider) => (
          <Group key={provider.provider} component="li" gap="sm" wrap="nowrap">
            <ColorSwatch color={`var(--mantine-color-${PROVIDER_COLORS[provider.provider].replace('.', '-')})`} size={14} aria-hidden="true" />
            <Text size="sm" fw={600}>
              {PROVIDER_LABELS[provider.provider]}
            </Text>
            <Text size="sm">
              {formatMoney(provider.total_cost, summary.currency)} ({formatPercent(share(provider.total_cost))})
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}
