import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiKeyDto } from '@keel/api-client';
import { ROLE_LABELS } from '../../../lib/authorization';
import { Timestamp } from './timestamp';

type ApiKeysTableProps = { apiKeys: ApiKeyDto[]; onRevoke: (apiKey: ApiKeyDto) => void };

export function ApiKeysTable({ apiKeys, onRevoke }: ApiKeysTableProps) {
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="API keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apiKeys.map((apiKey) => (
            <Table.Tr key={apiKey.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {apiKey.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={apiKey.role === 'super_admin' ? 'grape' : 'blue.9'} radius="sm">
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
                    <Badge color="red.9" variant="light" radius="sm">
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
