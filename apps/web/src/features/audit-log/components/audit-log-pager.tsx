import { Button, Group, Text } from '@mantine/core';
import type { AuditPaginationDto } from '@keel/api-client';
import { ChevronLeftIcon, ChevronRightIcon } from '../../../components/ui/icons';
import { formatCount } from '../../../lib/format';

type AuditLogPagerProps = {
  pagination: AuditPaginationDto;
  pageIndex: number;
  shownCount: number;
  busy: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
};

/** "Showing 51–100 of about 12,000 entries" with Previous / Next. */
export function AuditLogPager({ pagination, pageIndex, shownCount, busy, onPrevious, onNext }: AuditLogPagerProps) {
  const first = pageIndex * pagination.limit + 1;
  const last = first + shownCount - 1;
  const total = `${pagination.total_estimated ? 'about ' : ''}${formatCount(pagination.total)}`;
  // A full last page still carries a next_cursor; an exact total tells that nothing follows.
  const hasNext = pagination.next_cursor !== null && (pagination.total_estimated || last < pagination.total);

  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {/* While the next page loads, the entries on screen are still the previous page's. */}
        {busy ? 'Loading entries…' : `Showing ${formatCount(first)}–${formatCount(last)} of ${total} ${pagination.total === 1 ? 'entry' : 'entries'}`}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" leftSection={<ChevronLeftIcon />} onClick={onPrevious} disabled={pageIndex === 0 || busy}>
          Previous
        </Button>
        <Button
          variant="default"
          size="sm"
          rightSection={<ChevronRightIcon />}
          onClick={() => pagination.next_cursor && onNext(pagination.next_cursor)}
          disabled={!hasNext || busy}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
