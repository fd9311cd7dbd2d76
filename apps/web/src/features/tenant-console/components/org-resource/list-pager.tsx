import { Button, Group, Text } from '@mantine/core';
import type { PaginationDto } from '@keel/api-client';
import { ChevronLeftIcon, ChevronRightIcon } from '../../../../components/ui/icons';
import { formatCount } from '../../../../lib/format';

type ListPagerProps = { pagination: PaginationDto; shownCount: number; busy: boolean; onPage: (page: number) => void };

/** "Showing 51–100 of 120" with Previous / Next, for the API's page-numbered lists; nothing when one page holds all. */
export function ListPager({ pagination, shownCount, busy, onPage }: ListPagerProps) {
  const { page, limit, total } = pagination;
  if (page === 1 && total <= limit) return null;
  const first = (page - 1) * limit + 1;
  return (
    <Group justify="space-between" gap="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {busy ? 'Loading…' : `Showing ${formatCount(first)}–${formatCount(first + shownCount - 1)} of ${formatCount(total)}`}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" leftSection={<ChevronLeftIcon />} onClick={() => onPage(page - 1)} disabled={page === 1 || busy}>
          Previous
        </Button>
        <Button variant="default" size="sm" rightSection={<ChevronRightIcon />} onClick={() => onPage(page + 1)} disabled={page * limit >= total || busy}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
