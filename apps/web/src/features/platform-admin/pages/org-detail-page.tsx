import { Alert, Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import type { OrgDetailDto } from '@keel/api-client';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ChevronLeftIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { isNotFound } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useOrgDetail } from '../api/orgs';
import { OrgAccountsTab } from '../components/org-accounts-tab';
import { OrgActionDialogs } from '../components/org-action-dialogs';
import { OrgActionsMenu } from '../components/org-actions-menu';
import { OrgAuditTab } from '../components/org-audit-tab';
import { OrgOverviewTab } from '../components/org-overview-tab';
import { OrgUsersTab } from '../components/org-users-tab';
import { StatusBadge } from '../components/status-badge';
import { ORG_STATUS, PLAN } from '../utils/labels';
import type { OrgAction } from '../utils/org-actions';

const TABS = [
  { value: 'overview', label: 'Overview', Content: OrgOverviewTab },
  { value: 'users', label: 'Users', Content: OrgUsersTab },
  { value: 'accounts', label: 'Cloud accounts', Content: OrgAccountsTab },
  { value: 'audit', label: 'Audit', Content: OrgAuditTab },
] as const;

export function OrgDetailPage() {
  const { orgId = '' } = useParams();
  const org = useOrgDetail(orgId);

  if (org.isPending) return <LoadingState label="Loading the organization" />;
  if (org.isError) {
    const missing = isNotFound(org.error);
    return (
      <Stack gap="lg">
        <title>Organization · Keel</title>
        <BackLink />
        {missing ? (
          <NothingFound title="Organization not found" description="It may have been deleted, or the link is wrong." />
        ) : (
          <ErrorState title="The organization could not be loaded" error={org.error} onRetry={() => void org.refetch()} />
        )}
      </Stack>
    );
  }
  return <OrgDetail org={org.data} />;
}

function OrgDetail({ org }: { org: OrgDetailDto }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab = TABS.find((candidate) => candidate.value === requested)?.value ?? 'overview';
  const [action, setAction] = useState<OrgAction | null>(null);

  return (
    <Stack gap="lg">
      <BackLink />
      <PageHeader
        title={org.name}
        description={
          <Group gap="xs" component="span">
            <Text span ff="monospace" size="sm">
              {org.slug}
            </Text>
            <StatusBadge {...ORG_STATUS[org.status]} />
            <StatusBadge {...PLAN[org.plan]} variant="outline" />
            {org.require_2fa && <StatusBadge label="2FA required" color="blue" variant="outline" />}
          </Group>
        }
        actions={<OrgActionsMenu org={org} onSelect={setAction} />}
      />
      <StatusNotice org={org} onAction={setAction} />
      {/* The tab is in the address, so that a link can open the users or accounts directly. */}
      <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}>
        <Tabs.List aria-label="Sections of the organization">
          {TABS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Content }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Content org={org} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <OrgActionDialogs org={org} action={action} onClose={() => setAction(null)} />
    </Stack>
  );
}

/** What a status other than active means for the org, and the way out of it. */
function StatusNotice({ org, onAction }: { org: OrgDetailDto; onAction: (action: OrgAction) => void }) {
  const notice = (color: string, title: string, text: ReactNode, buttons?: ReactNode) => (
    <Alert color={color} variant="light" title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{text}</Text>
        {buttons && <Group gap="sm">{buttons}</Group>}
      </Stack>
    </Alert>
  );
  const reason = org.status_reason ? ` Reason: ${org.status_reason}` : '';
  switch (org.status) {
    case 'pending':
      return notice(
        'blue',
        'Waiting for approval',
        'This organization signed up by itself; its owner cannot sign in until you approve it.',
        <>
          <Button size="xs" onClick={() => onAction('approve')}>
            Approve
          </Button>
          <Button size="xs" variant="default" onClick={() => onAction('reject')}>
            Reject
          </Button>
        </>,
      );
    case 'suspended':
      return notice('red', 'Suspended', `Nobody in this organization can sign in or use the API.${reason}`);
    case 'rejected':
      return notice('gray', 'Sign-up rejected', `This organization was not approved.${reason}`);
    case 'pending_deletion':
      return notice(
        'grape',
        'Scheduled for deletion',
        <>
          Everything in this organization will be deleted for good on{' '}
          <Text span fw={700} size="sm">
            {org.deletion_scheduled_at ? formatDateTime(org.deletion_scheduled_at) : 'the end of the grace period'}
          </Text>
          . Its users are locked out until then; restoring it cancels the deletion.
        </>,
        <Button size="xs" onClick={() => onAction('restore')}>
          Restore
        </Button>,
      );
    case 'deleting':
      return notice('grape', 'Being deleted', 'The grace period is over: its data is being deleted and it can no longer be restored.');
    default:
      return null;
  }
}

function BackLink() {
  return (
    <Anchor component={Link} to={paths.platformOrgs} size="sm" w="fit-content">
      <Group gap={4} component="span">
        <ChevronLeftIcon size={16} />
        All organizations
      </Group>
    </Anchor>
  );
}
