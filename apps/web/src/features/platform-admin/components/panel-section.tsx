import { Paper, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled panel of a page (a chart, a list of facts); a region named by its heading. */
export function PanelSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId} mb={description ? 0 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
