import { Badge, Button, Code, Paper, Table, Text, Title } from '@mantine/core';
import type { AccessLogPageDto } from '@keel/api-client';
import { useId } from 'react';
import { NothingFound } from '../../../components/ui/query-states';
import { formatDateTime } from '../../../lib/format';
import { ListPager } from '../../../components/ui/list-pager';

type AccessLogTableProps = {
  accessLog: AccessLogPageDto;
  /** Another page is on its way; the rows on screen are still the previous page's. */
  busy: boolean;
  onPage: (page: number) => void;
};

/** Every request made with the session's token, newest first: the org's proof of what staff looked at or changed. */
export function AccessLogTable({ accessLog: { items, pagination }, busy, onPage }: AccessLogTableProps) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="h4" id={titleId} p="md" pb={0}>
        Access log
      </Title>
      <Text size="sm" c="dimmed" px="md">
        Every request made in this session. A refused request is listed too, with the status the API answered.
      </Text>
      {items.length === 0 ? (
        pagination.total > 0 ? (
          <NothingFound title="No requests on this page" description="The log is shorter than this page number." action={<Button onClick={() => onPage(1)}>Go to the first page</Button>} />
        ) : (
          <NothingFound title="No requests yet" description="Nothing has been requested with this session's token. Reads may take a second to appear." />
        )
      ) : (
        <Table.ScrollContainer minWidth={760} mt="sm">
          <Table verticalSpacing="xs" aria-label="Access log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Method</Table.Th>
                <Table.Th>Path</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Request ID</Table.Th>
                <Table.Th>Time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {entry.method}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: 'anywhere' }}>{entry.path}</Code>
                  </Table.Td>
                  <Table.Td>
                    {/* A refusal or failure stands out; the number is always there. */}
                    <Badge color={entry.status >= 400 ? 'red.8' : 'gray.2'} autoContrast radius="sm">
                      {entry.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {entry.request_id ?? '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" component="time" dateTime={entry.created_at} style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(entry.created_at)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > 0 && (
        <ListPager pagination={pagination} shownCount={items.length} noun={['request', 'requests']} busy={busy} onPage={onPage} />
      )}
    </Paper>
  );
}
