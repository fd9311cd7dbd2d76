import { Code, DataList, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { AuditEntryDto } from '@keel/api-client';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format';
import { actorTypeLabel, isPlatformSupportEntry } from '../utils/actor';
import type { AuditLogKind } from '../utils/audit-filters';
import { PlatformSupportBadge } from './platform-support-badge';

type AuditEntryDrawerProps = { log: AuditLogKind; entry: AuditEntryDto | null; onClose: () => void };

/** Every field of one entry, and its metadata pretty-printed. */
export function AuditEntryDrawer({ log, entry, onClose }: AuditEntryDrawerProps) {
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={entry && <DrawerTitle log={log} entry={entry} />}
      closeButtonProps={{ 'aria-label': 'Close the entry details' }}
    >
      {entry && <EntryDetails entry={entry} />}
    </Drawer>
  );
}

function DrawerTitle({ log, entry }: { log: AuditLogKind; entry: AuditEntryDto }) {
  return (
    <Group gap="xs">
      <Title order={2} fz="h4">
        Audit entry #{entry.seq}
      </Title>
      {isPlatformSupportEntry(log, entry.actor) && <PlatformSupportBadge />}
    </Group>
  );
}

function EntryDetails({ entry }: { entry: AuditEntryDto }) {
  return (
    <Stack gap="lg">
      <DataList labelWidth={150} withDivider>
        <Field label="Action">
          <Code>{entry.action}</Code>
        </Field>
        <Field label="Time">
          {formatDateTime(entry.created_at)}
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.created_at}
          </Text>
        </Field>
        <Field label="Entry ID" mono>
          {entry.id}
        </Field>
        <Field label="Sequence">{entry.seq}</Field>
        <Field label="Actor">{actorTypeLabel(entry.actor)}</Field>
        <Field label="Actor e-mail">{entry.actor.email}</Field>
        <Field label="Actor ID" mono>
          {entry.actor.id}
        </Field>
        <Field label="Target type">{entry.target?.type}</Field>
        <Field label="Target name">{entry.target?.name}</Field>
        <Field label="Target ID" mono>
          {entry.target?.id}
        </Field>
        <Field label="Organization ID" mono>
          {entry.org_id}
        </Field>
        <Field label="Support session ID" mono>
          {entry.impersonation_id}
        </Field>
        <Field label="IP address" mono>
          {entry.ip_address}
        </Field>
        <Field label="User agent">{entry.user_agent}</Field>
        <Field label="Request ID" mono>
          {entry.request_id}
        </Field>
      </DataList>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          Metadata
        </Title>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {JSON.stringify(entry.metadata, null, 2)}
        </Code>
      </Stack>
    </Stack>
  );
}

/** One label and value; an empty value shows as a dash rather than as nothing. */
function Field({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue ff={mono && !empty ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
        {empty ? <Text c="dimmed">—</Text> : children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
