import { Box, Group, Pagination, Text } from '@mantine/core';
import type { PaginationDto } from '@keel/api-client';
import { formatCount } from '../../../lib/format';

type TenantHealthPagerProps = {
  pagination: PaginationDto;
  shownCount: number;
  /** The next page is on its way; the rows on screen are still the previous page's. */
  busy: boolean;
  onPage: (page: number) => void;
};

/** "Showing 26–50 of 50 tenants" and the page numbers (offset paging: any page can be opened directly). */
export function TenantHealthPager({ pagination, shownCount, busy, onPage }: TenantHealthPagerProps) {
  const first = (pagination.page - 1) * pagination.limit + 1;
  const last = first + shownCount - 1;
  const pages = Math.max(1, Math.ceil(pagination.total / pagination.limit));
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {busy ? 'Loading tenants…' : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(pagination.total)} ${pagination.total === 1 ? 'tenant' : 'tenants'}`}
      </Text>
      {pages > 1 && (
        <Box component="nav" aria-label="Pages of tenants">
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
  );
}
