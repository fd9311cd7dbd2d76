import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { SupportAccessNote } from '../components/support-access-note';
import { SupportSessionList } from '../components/support-session-list';

/** The org's view of support sessions on it (SPEC §7: nothing staff do in an org is hidden from its owners). */
export function SupportAccessPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Support access" description="Every support session Keel's platform staff opened on your organization: who, as whom, why, and for how long." />
      <SupportAccessNote />
      <SupportSessionList where="tenant" />
    </Stack>
  );
}
