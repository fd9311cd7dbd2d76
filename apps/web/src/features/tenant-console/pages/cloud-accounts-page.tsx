import { Button, Code } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CloudAccountDto, CreateCloudAccountDto, UpdateCloudAccountDto } from '@keel/api-client';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatCount } from '../../../lib/format';
import { cloudAccountsResource, useSyncCloudAccount } from '../api/cloud-accounts';
import { CloudAccountStatus } from '../components/cloud-accounts/cloud-account-status';
import { SyncWatcher } from '../components/cloud-accounts/sync-watcher';
import { OrgResourcePage, type ResourceForm } from '../components/org-resource/org-resource-page';
import { RelativeTime, RowName } from '../components/table-cells';
import { PROVIDER_LABELS, PROVIDERS, type CloudProvider } from '../utils/labels';

type CloudAccountValues = { name: string; provider: CloudProvider; external_id: string };

const EXTERNAL_ID_HINTS: Record<CloudProvider, string> = {
  aws: 'The 12-digit AWS account ID.',
  azure: 'The Azure subscription ID.',
  gcp: 'The Google Cloud project ID.',
};

// Provider and external id name the account at the provider: fixed once connected, only the name changes.
const cloudAccountForm: ResourceForm<CloudAccountDto, CloudAccountValues, CreateCloudAccountDto, UpdateCloudAccountDto> = {
  fields: [
    { kind: 'text', name: 'name', label: 'Name', maxLength: 200, description: 'How the account is called in Keel, e.g. Production.' },
    { kind: 'select', name: 'provider', label: 'Provider', options: PROVIDERS.map((provider) => ({ value: provider, label: PROVIDER_LABELS[provider] })), lockedOnEdit: true },
    {
      kind: 'text',
      name: 'external_id',
      label: 'Account ID at the provider',
      maxLength: 200,
      pattern: { regex: /^[A-Za-z0-9._:/-]+$/, message: 'Letters, digits and . _ : / - only' },
      description: (values) => EXTERNAL_ID_HINTS[values.provider],
      lockedOnEdit: true,
    },
  ],
  valuesOf: (account) => (account ? { name: account.name, provider: account.provider, external_id: account.external_id } : { name: '', provider: 'aws', external_id: '' }),
  toCreateBody: (values) => ({ name: values.name.trim(), provider: values.provider, external_id: values.external_id.trim() }),
  toUpdateBody: (values) => ({ name: values.name.trim() }),
};

export function CloudAccountsPage() {
  // The accounts whose sync is being followed, as they were when it was requested.
  const [watched, setWatched] = useState<Record<string, CloudAccountDto>>({});
  const sync = useSyncCloudAccount();

  function startSync(account: CloudAccountDto) {
    sync.mutate(account.id, {
      onSuccess: () => {
        setWatched((current) => ({ ...current, [account.id]: account }));
        notifications.show({ color: 'blue', title: 'Sync started', message: `${account.name} is syncing in the background.` });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Sync not started', message: apiErrorMessage(error) }),
    });
  }

  function stopWatching(id: string) {
    setWatched(({ [id]: _settled, ...rest }) => rest);
  }

  return (
    <>
      <OrgResourcePage
        resource={cloudAccountsResource}
        form={cloudAccountForm}
        title="Cloud accounts"
        description="The AWS, Azure and GCP accounts whose billing data Keel syncs."
        noun="cloud account"
        createLabel="Connect account"
        editLabel="Rename"
        columns={[
          { header: 'Name', cell: (account) => <RowName name={account.name} /> },
          { header: 'Provider', cell: (account) => PROVIDER_LABELS[account.provider] },
          { header: 'Account ID', cell: (account) => <Code>{account.external_id}</Code> },
          { header: 'Status', cell: (account) => <CloudAccountStatus account={account} syncing={account.id in watched} /> },
          { header: 'Last synced', cell: (account) => <RelativeTime timestamp={account.last_synced_at} /> },
          { header: 'Cost rows', cell: (account) => formatCount(account.cost_row_count) },
        ]}
        empty={{ title: 'No cloud accounts yet', description: 'Connect an AWS, Azure or GCP account, then sync it to see its costs.' }}
        deleteConsequence={(account) =>
          `Its ${formatCount(account.cost_row_count)} cost rows, and the budgets, alert rules, anomaly alerts and recommendations tied to it, are deleted with it.`
        }
        rowActions={(account) => (
          <Button
            variant="light"
            size="compact-sm"
            aria-label={`Sync ${account.name} now`}
            loading={account.id in watched || (sync.isPending && sync.variables === account.id)}
            onClick={() => startSync(account)}
          >
            Sync now
          </Button>
        )}
      />
      {Object.values(watched).map((account) => (
        <SyncWatcher key={account.id} before={account} onSettled={() => stopWatching(account.id)} />
      ))}
    </>
  );
}
