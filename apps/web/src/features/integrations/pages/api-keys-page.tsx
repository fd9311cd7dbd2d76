import { Button, Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiKeyDto, CreatedApiKeyDto } from '@keel/api-client';
import { useState } from 'react';
import { KeyIcon } from '../../../components/ui/icons';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { NothingFound } from '../../../components/ui/query-states';
import { ROLE_LABELS } from '../../../lib/authorization';
import { useApiKeys } from '../api/list-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { ApiKeysTable } from '../components/api-keys-table';
import { CreateApiKeyDialog } from '../components/create-api-key-dialog';
import { ListStates } from '../components/list-states';
import { SecretOnceDialog } from '../components/secret-once-dialog';

/** `/platform/api-keys`: integrators' keys, created with a copy-once secret and revoked at once (SPEC §11). */
export function ApiKeysPage() {
  const apiKeys = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);

  const createButton = (
    <Button leftSection={<KeyIcon />} onClick={() => setCreating(true)}>
      Create API key
    </Button>
  );
  // In the header once there is a list; the empty state holds the same button itself.
  const listed = apiKeys.isSuccess && apiKeys.data.length > 0;

  function startRevoking(apiKey: ApiKeyDto) {
    revokeKey.reset();
    setRevoking(apiKey);
  }

  function revoke(apiKey: ApiKeyDto) {
    revokeKey.mutate(apiKey.id, {
      onSuccess: () => {
        setRevoking(null);
        notifications.show({ color: 'teal', title: 'API key revoked', message: `${apiKey.name} no longer works.` });
      },
    });
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="API keys"
        description="Keys let integrators’ scripts and systems call the platform API without a person signing in."
        actions={listed ? createButton : undefined}
      />
      <ListStates
        list={apiKeys}
        loadingLabel="Loading API keys"
        errorTitle="The API keys could not be loaded"
        empty={
          <NothingFound
            title="No API keys yet"
            icon={<KeyIcon size={28} />}
            description="A billing system that changes plans, or a script that pages on-call when a tenant turns critical, calls Keel with an API key. Each key acts with the role you give it, and you can revoke it at any time."
            action={createButton}
          />
        }
      >
        {(items) => <ApiKeysTable apiKeys={items} onRevoke={startRevoking} />}
      </ListStates>
      <CreateApiKeyDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(apiKey) => {
          setCreating(false);
          setCreated(apiKey);
        }}
      />
      <SecretOnceDialog secret={created?.key ?? null} title={`API key “${created?.name ?? ''}” created`} label="API key" onClose={() => setCreated(null)}>
        <Text size="sm">
          Send it as <Code>Authorization: Bearer {created?.prefix}…</Code> to <Code>/api/v1/platform/…</Code>: it acts as a{' '}
          {created ? ROLE_LABELS[created.role].toLowerCase() : ''}, except on the routes that need a person (signing in, staff accounts, new keys, support sessions).
        </Text>
      </SecretOnceDialog>
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke API key"
        confirmLabel="Revoke key"
        onConfirm={() => revoking && revoke(revoking)}
        pending={revokeKey.isPending}
        error={revokeKey.error}
      >
        <Text size="sm">
          Revoke <strong>{revoking?.name}</strong> (<Code>{revoking?.prefix}…</Code>)? Every integration that uses it stops working at once: its next call is
          refused with 401. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
