import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TenantHealthDetailDto } from '@keel/api-client';
import { Link, useParams } from 'react-router';
import { ChevronLeftIcon, SearchOffIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../components/ui/query-states';
import { isNotFound } from '../../../lib/api-error';
import { paths } from '../../../lib/paths';
import { useTenantHealth } from '../api/get-tenant-health';
import type { SupportSessionAction } from '../utils/support-session-action';
import { ForceLogoutButton } from '../components/force-logout-button';
import { HealthBadge } from '../components/health-badge';
import { HourlyTrafficChart } from '../components/hourly-traffic-chart';
import { TenantSignalCards } from '../components/tenant-signal-cards';
import { ORG_STATUS_LABELS } from '../utils/health-classes';

/** One tenant in the support console (SPEC §5, §9): why it has its health class, its signals, its last 48 hours. */
export function TenantDetailPage({ supportSessionAction }: { supportSessionAction?: SupportSessionAction }) {
  const { orgId = '' } = useParams();
  const tenant = useTenantHealth(orgId);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.support} size="sm" w="fit-content">
        <Group component="span" gap={4} wrap="nowrap">
          <ChevronLeftIcon size={16} />
          All tenants
        </Group>
      </Anchor>
      {tenant.isPending ? (
        <>
          <PageHeader title="Tenant" />
          <LoadingState label="Loading the tenant's health" />
        </>
      ) : tenant.isError ? (
        <TenantError error={tenant.error} onRetry={() => void tenant.refetch()} />
      ) : (
        <TenantHealthDetail tenant={tenant.data} supportSessionAction={supportSessionAction} />
      )}
    </Stack>
  );
}

function TenantError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isNotFound(error)) {
    return (
      <>
        <PageHeader title="Tenant not found" />
        <NothingFound
          title="No tenant has this ID"
          description="It may have been deleted, or the link is incomplete. Search for the tenant by name instead."
          icon={<SearchOffIcon size={28} />}
          action={
            <Button component={Link} to={paths.support}>
              Back to tenant health
            </Button>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Tenant" />
      <ErrorState title="The tenant's health could not be loaded" error={error} onRetry={onRetry} />
    </>
  );
}

function TenantHealthDetail({ tenant, supportSessionAction }: { tenant: TenantHealthDetailDto; supportSessionAction?: SupportSessionAction }) {
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`${ORG_STATUS_LABELS[tenant.status]} organization · ID ${tenant.org_id}`}
        actions={
          <>
            {supportSessionAction?.({ orgId: tenant.org_id, orgName: tenant.name, compact: false })}
            <ForceLogoutButton orgId={tenant.org_id} orgName={tenant.name} />
          </>
        }
      />
      <Paper withBorder p="md" radius="md" component="section" aria-label="Health">
        <Group gap="sm" align="center">
          <Title order={2} fz="h4">
            Health
          </Title>
          <HealthBadge health={tenant.health} />
        </Group>
        {/* The rule that decided the class, in the API's words, e.g. "error rate 12.4% ≥ 10% over 250 calls in 24 h". */}
        <Text mt="xs">Why: {tenant.reason}</Text>
      </Paper>
      <TenantSignalCards tenant={tenant} />
      <HourlyTrafficChart hourly={tenant.hourly} />
    </>
  );
}
