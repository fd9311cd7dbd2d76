import { Box, Group, Pagination, Text } from '@mantine/core';
import type { PaginationDto } from '@keel/api-client';
import { formatCount } from '../../../lib/format';

type TablePagerProps = {
  pagination: PaginationDto;
  shownCount: number;
  /** What the rows are, e.g. `['organization', 'organizations']`. */
  noun: [singular: string, plural: string];
  /** True while the next page loads and the rows on screen are still the previous page's. */
  busy: boolean;
  onPage: (page: number) => void;
};

/** "Showing 26–50 of 120 organizations" and the page numbers, for the API's page-based lists. */
export function TablePager({ pagination, shownCount, noun, busy, onPage }: TablePagerProps) {
  const first = (pagination.page - 1) * pagination.limit + 1;
  const last = first + shownCount - 1;
  const pages = Math.max(1, Math.ceil(pagination.total / pagination.limit));
  return (
    <Group justify="space-between" gap="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {busy ? `Loading ${noun[1]}…` : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(pagination.total)} ${pagination.total === 1 ? noun[0] : noun[1]}`}
      </Text>
      {pages > 1 && (
        <Box component="nav" aria-label={`Pages of ${noun[1]}`}>
          <Pagination
            total={pages}
            value={pagination.page}
            onChange={onPage}
            disabled={busy}
            size="sm"
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            getControlProps={(control) => ({ 'aria-label': `${control[0].toUpperCase()}${control.slice(1)} page` })}
          />
        </Box>
      )}
    </Group>
  );
}
