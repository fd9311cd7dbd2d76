import { Anchor, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type StatCardProps = {
  label: string;
  value: ReactNode;
  /** A line under the value, e.g. what the number counts. */
  hint?: ReactNode;
  /** Mantine colour of the value, e.g. `red` for errors. */
  color?: string;
  /** Makes the card's label a link to the page that explains the number. */
  to?: string;
};

/** One figure of a dashboard. Labelled as a group so screen readers read label and value together. */
export function StatCard({ label, value, hint, color, to }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {to ? (
          <Anchor component={Link} to={to} inherit>
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
      <Text fz={28} fw={700} c={color} mt={4}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
