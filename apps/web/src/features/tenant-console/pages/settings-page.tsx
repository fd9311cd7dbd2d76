import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useOrg } from '../api/org';
import { OrgNameForm } from '../components/settings/org-name-form';
import { SecuritySettings } from '../components/settings/security-settings';

export function SettingsPage() {
  const org = useOrg();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title="Settings" description="Your organization's name, and who may sign in how." />
      {org.isPending ? (
        <LoadingState label="Loading the settings" />
      ) : org.isError ? (
        <ErrorState title="The settings could not be loaded" error={org.error} onRetry={() => void org.refetch()} />
      ) : (
        <>
          {/* Keyed by the saved name, so that the field starts over from it after a rename elsewhere. */}
          <OrgNameForm key={org.data.name} org={org.data} />
          <SecuritySettings org={org.data} />
        </>
      )}
    </Stack>
  );
}
