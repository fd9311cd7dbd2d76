import { Box, Group, Pagination, Paper, Text } from '@mantine/core';
import type { PaginationDto } from '@keel/api-client';
import { formatCount } from '../../lib/format';

type ListPagerProps = {
  pagination: PaginationDto;
  shownCount: number;
  /** What the list counts, singular and plural: "session", "sessions" (the text says only numbers without it). */
  noun?: [string, string];
  /** The next page is on its way; the rows on screen are still the previous page's. */
  busy: boolean;
  onPage: (page: number) => void;
};

/** The footer of the API's page-numbered lists: "Showing 26–50 of 80 sessions" and the page numbers (any page opens directly). */
export function ListPager({ pagination, shownCount, noun, busy, onPage }: ListPagerProps) {
  const first = (pagination.page - 1) * pagination.limit + 1;
  const pages = Math.max(1, Math.ceil(pagination.total / pagination.limit));
  const [one, many] = noun ?? ['', ''];
  const counted = pagination.total === 1 ? one : many;
  return (
    <Paper px="md" py="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {busy ? `Loading${many ? ` ${many}` : ''}…` : `Showing ${formatCount(first)}–${formatCount(first + shownCount - 1)} of ${formatCount(pagination.total)} ${counted}`.trim()}
        </Text>
        {pages > 1 && (
          <Box component="nav" aria-label={many ? `Pages of ${many}` : 'Pages'}>
            <Pagination
              total={pages}
              value={pagination.page}
              onChange={onPage}
              disabled={busy}
              size="sm"
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
              getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : 'Next page' })}
            />
          </Box>
        )}
      </Group>
    </Paper>
  );
}
