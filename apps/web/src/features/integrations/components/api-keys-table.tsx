import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import type { ApiKeyDto } from '@keel/api-client';
import type { PlatformRole } from '@keel/shared';
import { ROLE_LABELS } from '../../../lib/authorization';
import { DataTable } from '../../../components/ui/data-table';
import { Timestamp } from './timestamp';

// Text in shade 9 on the light badges, for 4.5:1 contrast.
const ROLE_COLORS: Record<PlatformRole, string> = { super_admin: 'grape', support_admin: 'blue' };

type ApiKeysTableProps = { apiKeys: ApiKeyDto[]; onRevoke: (apiKey: ApiKeyDto) => void };

export function ApiKeysTable({ apiKeys, onRevoke }: ApiKeysTableProps) {
  const now = Date.now();
  return (
    <DataTable label="API keys" minWidth={820} columns={['Name', 'Role', 'Key', 'Created', 'Expires', 'Last used']} withActions framed={false}>
      {apiKeys.map((apiKey) => (
        <Table.Tr key={apiKey.id}>
          <Table.Td>
            <Text size="sm" fw={500}>
              {apiKey.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={ROLE_COLORS[apiKey.role]} c={`${ROLE_COLORS[apiKey.role]}.9`} radius="sm">
              {ROLE_LABELS[apiKey.role]}
            </Badge>
          </Table.Td>
          <Table.Td>
            {/* The first characters only: enough to recognise the key in a config file, useless to anyone else. */}
            <Code>{apiKey.prefix}…</Code>
          </Table.Td>
          <Table.Td>
            <Timestamp value={apiKey.created_at} />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Timestamp value={apiKey.expires_at} empty="Never" />
              {apiKey.expires_at !== null && new Date(apiKey.expires_at).getTime() <= now && (
                <Badge color="red" c="red.9" variant="light" radius="sm">
                  Expired
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <Timestamp value={apiKey.last_used_at} relative empty="Never" />
          </Table.Td>
          <Table.Td ta="right">
            <Button variant="subtle" color="red" size="compact-sm" aria-label={`Revoke ${apiKey.name}`} onClick={() => onRevoke(apiKey)}>
              Revoke
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
