import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AuditEntryDto } from '@keel/api-client';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DownloadIcon, SearchOffIcon, ShieldCheckIcon } from '../../../components/ui/icons';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatCount } from '../../../lib/format';
import { useExportAuditLog } from '../api/export-audit-log';
import { useAuditLogPage } from '../api/get-audit-log-page';
import { useVerifyAuditChain } from '../api/verify-audit-chain';
import { useCursorPages } from '../hooks/use-cursor-pages';
import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams, hasFilters, NO_FILTERS, type AuditFilters, type AuditLogKind } from '../utils/audit-filters';
import { AuditEntriesTable } from './audit-entries-table';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditLogPager } from './audit-log-pager';
import { ChainVerificationAlert } from './chain-verification-alert';

type AuditLogViewProps = { log: AuditLogKind; title: string; description: string };

/** A whole audit log page: actions, filters (kept in the URL), the entries with paging, and an entry's details. */
export function AuditLogView({ log, title, description }: AuditLogViewProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  // New filters start a new listing: the form's draft and the cursor stack start over with them.
  const filtersKey = filtersToSearchParams(filters).toString();
  const applyFilters = (next: AuditFilters) => setSearchParams(filtersToSearchParams(next));
  const verifyChain = useVerifyAuditChain(log);

  function verify() {
    verifyChain.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show(
          result.ok
            ? { color: 'teal', title: 'Hash chain intact', message: `${formatCount(result.checked)} sealed entries checked.` }
            : { color: 'red', title: 'Hash chain broken', message: `The chain breaks at entry ${result.first_broken_id}.` },
        ),
      onError: (error) => notifications.show({ color: 'red', title: 'Verification failed', message: apiErrorMessage(error) }),
    });
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button variant="default" leftSection={<ShieldCheckIcon />} onClick={verify} loading={verifyChain.isPending}>
            Verify chain
          </Button>
          <ExportButton log={log} filters={filters} />
        </Group>
      </Group>
      {verifyChain.data && <ChainVerificationAlert result={verifyChain.data} onClose={() => verifyChain.reset()} />}
      <AuditFiltersForm key={`filters?${filtersKey}`} log={log} applied={filters} onApply={applyFilters} />
      <AuditLogResults key={`results?${filtersKey}`} log={log} filters={filters} onClearFilters={() => applyFilters({ ...NO_FILTERS, pageSize: filters.pageSize })} />
    </Stack>
  );
}

/** Downloads every entry that matches the filters on screen (not just this page) as CSV. */
function ExportButton({ log, filters }: { log: AuditLogKind; filters: AuditFilters }) {
  const exportLog = useExportAuditLog(log);

  function exportCsv() {
    exportLog.mutate(filtersToQuery(log, filters), {
      onSuccess: (fileName) => notifications.show({ color: 'teal', title: 'Export downloaded', message: `${fileName} holds every entry that matches the filters.` }),
      onError: (error) => notifications.show({ color: 'red', title: 'Export failed', message: apiErrorMessage(error) }),
    });
  }

  return (
    <Button variant="default" leftSection={<DownloadIcon />} onClick={exportCsv} loading={exportLog.isPending}>
      Export CSV
    </Button>
  );
}

type AuditLogResultsProps = { log: AuditLogKind; filters: AuditFilters; onClearFilters: () => void };

function AuditLogResults({ log, filters, onClearFilters }: AuditLogResultsProps) {
  const pages = useCursorPages();
  const query = { ...filtersToQuery(log, filters), limit: filters.pageSize, ...(pages.cursor ? { cursor: pages.cursor } : {}) };
  const page = useAuditLogPage(log, query);
  const [openEntry, setOpenEntry] = useState<AuditEntryDto | null>(null);

  if (page.isPending) return <LoadingState label="Loading audit entries" />;
  if (page.isError) return <ErrorState title="The audit log could not be loaded" error={page.error} onRetry={() => void page.refetch()} />;

  const { entries, pagination } = page.data;
  if (entries.length === 0) {
    return pages.pageIndex > 0 ? (
      <NothingFound title="No more entries" description="There are no older entries." action={<Button onClick={pages.goToPrevious}>Previous page</Button>} />
    ) : hasFilters(filters) ? (
      <NothingFound
        title="No entries match these filters"
        description="Try a wider date range, or another action or actor."
        icon={<SearchOffIcon size={28} />}
        action={<Button onClick={onClearFilters}>Show all entries</Button>}
      />
    ) : (
      <NothingFound title="No audit entries yet" description="Entries appear here as soon as anything changes." />
    );
  }

  return (
    <>
      <Paper withBorder radius="md">
        <AuditEntriesTable log={log} entries={entries} onOpen={setOpenEntry} />
        <Paper px="md" py="sm" radius={0} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <AuditLogPager
            pagination={pagination}
            pageIndex={pages.pageIndex}
            shownCount={entries.length}
            busy={page.isPlaceholderData}
            onPrevious={pages.goToPrevious}
            onNext={pages.goToNext}
          />
        </Paper>
      </Paper>
      <AuditEntryDrawer log={log} entry={openEntry} onClose={() => setOpenEntry(null)} />
    </>
  );
}
