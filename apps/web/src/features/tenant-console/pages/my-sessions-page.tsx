import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MySessionDto } from '@keel/api-client';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { useSession } from '../../../lib/auth/session-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useEndMySession, useMySessions } from '../api/my-sessions';
import { ResourceTable } from '../components/org-resource/resource-table';
import { RelativeTime, RowName } from '../components/table-cells';
import { describeUserAgent } from '../utils/user-agent';

/** Every device signed in to the person's account; ending one there signs that device out. */
export function MySessionsPage() {
  const session = useSession();
  const sessions = useMySessions();
  const end = useEndMySession();
  const [ending, setEnding] = useState<MySessionDto | null>(null);

  function confirmEnd(target: MySessionDto) {
    end.mutate(target, {
      onSuccess: () => {
        setEnding(null);
        if (target.current) {
          notifications.show({ color: 'teal', title: 'Signed out', message: 'You ended the session of this browser.' });
          session.end('signed-out');
        } else {
          notifications.show({ color: 'teal', title: 'Session ended', message: `${describeUserAgent(target.user_agent)} is signed out.` });
        }
      },
    });
  }

  return (
    <Stack gap="lg">
      <PageHeader title="My sessions" description="The browsers and devices signed in to your account. End any you do not recognise, then change your password." />
      {sessions.isPending ? (
        <LoadingState label="Loading your sessions" />
      ) : sessions.isError ? (
        <ErrorState title="Your sessions could not be loaded" error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <NothingFound title="No active sessions" description="Sessions of a support agent acting for you are not listed here." />
      ) : (
        <ResourceTable
          label="My sessions"
          items={sessions.data.items}
          columns={[
            {
              header: 'Device',
              cell: (item) => <RowName name={describeUserAgent(item.user_agent)} title={item.user_agent ?? undefined} badge={item.current && 'This browser'} />,
            },
            { header: 'IP address', cell: (item) => <Text size="sm" ff="monospace">{item.ip ?? '—'}</Text> },
            { header: 'Signed in', cell: (item) => formatDateTime(item.created_at) },
            { header: 'Last active', cell: (item) => <RelativeTime timestamp={item.last_used_at} /> },
            { header: 'Expires', cell: (item) => formatDate(item.expires_at) },
          ]}
          actions={(item) => (
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              aria-label={item.current ? 'End session of this browser and sign out' : `End session of ${describeUserAgent(item.user_agent)}, signed in ${formatDateTime(item.created_at)}`}
              onClick={() => {
                end.reset();
                setEnding(item);
              }}
            >
              End session
            </Button>
          )}
        />
      )}
      <ConfirmDialog
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={ending?.current ? 'End this session' : 'End session'}
        confirmLabel={ending?.current ? 'End and sign out' : 'End session'}
        pending={end.isPending}
        error={end.error}
        onConfirm={() => ending && confirmEnd(ending)}
      >
        <Text size="sm">
          {ending?.current
            ? 'This is the session of this browser: ending it signs you out here.'
            : `${describeUserAgent(ending?.user_agent ?? null)} is signed out at its next request and must sign in again.`}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
