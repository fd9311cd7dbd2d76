import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { SupportSessionList } from '../components/support-session-list';

/** The support console's sessions (SPEC §6, §9): every support session staff opened, newest first. */
export function SupportSessionsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Support sessions" description="Every support session staff opened, newest first. Open one to read its access log or to revoke it." />
      <SupportSessionList where="support" />
    </Stack>
  );
}
