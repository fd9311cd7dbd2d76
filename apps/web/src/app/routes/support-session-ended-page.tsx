import { Text } from '@mantine/core';
import { CenteredCard } from '../../components/ui/centered-card';

/** What a support tab shows once its session has ended (ended here, revoked, expired), or could not get its token. */
export function SupportSessionEndedPage() {
  return (
    <>
      <title>Support session ended · Keel</title>
      <CenteredCard title="Support session ended" description="This tab no longer acts as the organization's user.">
        <Text size="sm">
          You can close this tab. To look again, start a new support session from the support console; if you only reloaded, keep the support console tab that opened this
          one open.
        </Text>
      </CenteredCard>
    </>
  );
}
