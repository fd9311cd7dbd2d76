import { Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEntryDto } from '@keel/api-client';
import { formatDateTime } from '../../../lib/format';
import { actorName, actorTypeLabel, isPlatformSupportEntry } from '../utils/actor';
import type { AuditLogKind } from '../utils/audit-filters';
import { PlatformSupportBadge } from './platform-support-badge';

type AuditEntriesTableProps = {
  log: AuditLogKind;
  entries: AuditEntryDto[];
  onOpen: (entry: AuditEntryDto) => void;
};

export function AuditEntriesTable({ log, entries, onOpen }: AuditEntriesTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Audit entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            // The row opens the entry on click; the button does the same for keyboards and screen readers.
            <Table.Tr key={entry.id} onClick={() => onOpen(entry)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Text size="sm" component="time" dateTime={entry.created_at} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.created_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{actorName(entry.actor)}</Text>
                    {isPlatformSupportEntry(log, entry.actor) && <PlatformSupportBadge />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {actorTypeLabel(entry.actor)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {entry.target ? (
                  <Stack gap={2}>
                    <Text size="sm">{entry.target.name ?? entry.target.id}</Text>
                    <Badge variant="outline" color="gray.7" size="xs" radius="sm" tt="none">
                      {entry.target.type}
                    </Badge>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.ip_address ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-label={`Details of entry ${entry.seq}: ${entry.action}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(entry);
                  }}
                >
                  Details
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
