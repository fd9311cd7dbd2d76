import { Button, Stack, Table, Text } from '@mantine/core';
import type { OutboxMessageDto } from '@keel/api-client';
import { useState } from 'react';
import { MailIcon, RefreshIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { errorStatus } from '../../../lib/api-error';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useOutbox } from '../api/outbox';
import { OutboxMessageDialog } from '../components/outbox-message-dialog';
import { DataTable, RowActions, RowButton } from '../../../components/ui/data-table';
import { StatusBadge } from '../components/status-badge';
import { labelOf, MAIL_STATUS } from '../utils/labels';

export function OutboxPage() {
  const outbox = useOutbox();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Outbox"
        description="In demo mode Keel keeps its mail here instead of sending it: invitations, password resets, messages to org admins. Newest first."
        actions={
          <Button variant="default" leftSection={<RefreshIcon />} onClick={() => void outbox.refetch()} loading={outbox.isFetching && !outbox.isPending}>
            Refresh
          </Button>
        }
      />
      <Messages outbox={outbox} />
    </Stack>
  );
}

function Messages({ outbox }: { outbox: ReturnType<typeof useOutbox> }) {
  const [open, setOpen] = useState<OutboxMessageDto | null>(null);
  if (outbox.isPending) return <LoadingState label="Loading the outbox" />;
  if (outbox.isError) {
    // The route exists only in demo mode (SPEC §3): elsewhere mail goes out over SMTP.
    if (errorStatus(outbox.error) === 404) {
      return <NothingFound title="No outbox here" description="Keel keeps mail in an outbox only in demo mode; this installation sends it over SMTP." icon={<MailIcon size={28} />} />;
    }
    return <ErrorState title="The outbox could not be loaded" error={outbox.error} onRetry={() => void outbox.refetch()} />;
  }
  const { items } = outbox.data;
  if (items.length === 0) return <NothingFound title="No mail yet" description="Messages appear here as soon as Keel writes one." icon={<MailIcon size={28} />} />;

  return (
    <>
      <DataTable label="Mail in the outbox" minWidth={800} columns={['To', 'Subject', 'Status', 'Time']} withActions>
        {items.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>{message.to}</Table.Td>
            <Table.Td>{message.subject}</Table.Td>
            <Table.Td>
              <StatusBadge {...labelOf(MAIL_STATUS, message.status)} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" title={formatDateTime(message.created_at)} style={{ whiteSpace: 'nowrap' }}>
                {formatRelative(message.created_at)}
              </Text>
            </Table.Td>
            <RowActions>
              <RowButton label={`Open “${message.subject}” to ${message.to}`} onClick={() => setOpen(message)}>
                Open
              </RowButton>
            </RowActions>
          </Table.Tr>
        ))}
      </DataTable>
      <OutboxMessageDialog message={open} onClose={() => setOpen(null)} />
    </>
  );
}
