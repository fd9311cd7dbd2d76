import { Anchor, Button, Group, Stack } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ChevronLeftIcon, SearchOffIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { isNotFound } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useSupportSession } from '../api/get-support-session';
import type { SupportSessionConsole, SupportSessionDetail } from '../api/support-session-types';
import { ACCESS_LOG_PAGE_SIZE, pageFromSearchParams } from '../utils/support-session-filters';
import { AccessLogTable } from './access-log-table';
import { RevokeSupportSessionButton } from './revoke-support-session-button';
import { SupportAccessNote } from './support-access-note';
import { SupportSessionFacts } from './support-session-facts';

const LIST_OF: Record<SupportSessionConsole, { path: string; label: string }> = {
  support: { path: paths.supportSessions, label: 'All support sessions' },
  tenant: { path: paths.tenantSupportAccess, label: 'Support access' },
};

/** One support session: who, as whom, why, when, and every request it made; staff may revoke an active one. */
export function SupportSessionView({ where }: { where: SupportSessionConsole }) {
  const { sessionId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromSearchParams(searchParams);
  const session = useSupportSession(where, sessionId, { page, limit: ACCESS_LOG_PAGE_SIZE });
  const list = LIST_OF[where];

  function content() {
    if (session.isPending) {
      return (
        <>
          <PageHeader title="Support session" />
          <LoadingState label="Loading the support session" />
        </>
      );
    }
    if (session.isError) {
      if (isNotFound(session.error)) {
        return (
          <>
            <PageHeader title="Support session not found" />
            <NothingFound
              title="No support session has this ID"
              description="The link may be incomplete."
              icon={<SearchOffIcon size={28} />}
              action={
                <Button component={Link} to={list.path}>
                  {list.label}
                </Button>
              }
            />
          </>
        );
      }
      return (
        <>
          <PageHeader title="Support session" />
          <ErrorState title="The support session could not be loaded" error={session.error} onRetry={() => void session.refetch()} />
        </>
      );
    }
    return (
      <SessionContent
        session={session.data}
        where={where}
        loadingLog={session.isPlaceholderData}
        onLogPage={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
      />
    );
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={list.path} size="sm" w="fit-content">
        <Group component="span" gap={4} wrap="nowrap">
          <ChevronLeftIcon size={16} />
          {list.label}
        </Group>
      </Anchor>
      {content()}
    </Stack>
  );
}

type SessionContentProps = { session: SupportSessionDetail; where: SupportSessionConsole; loadingLog: boolean; onLogPage: (page: number) => void };

function SessionContent({ session, where, loadingLog, onLogPage }: SessionContentProps) {
  return (
    <>
      <PageHeader
        title="Support session"
        description={`${session.platform_user_email} in ${session.org_name}, issued ${formatDateTime(session.created_at)} · ID ${session.id}`}
        actions={where === 'support' && session.status === 'active' ? <RevokeSupportSessionButton session={session} /> : undefined}
      />
      {where === 'tenant' && <SupportAccessNote />}
      <SupportSessionFacts session={session} />
      <AccessLogTable accessLog={session.access_logs} busy={loadingLog} onPage={onLogPage} />
    </>
  );
}
