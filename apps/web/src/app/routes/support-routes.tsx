import { TenantDetailPage } from '../../features/support/pages/tenant-detail-page';
import { TenantHealthPage } from '../../features/support/pages/tenant-health-page';
import type { SupportSessionAction } from '../../features/support/utils/support-session-action';
import { CreateSupportSessionButton } from '../../features/support-sessions/components/create-support-session-button';

// The support pages offer the support-sessions feature's dialog on every tenant they show.
const createSupportSession: SupportSessionAction = ({ orgId, orgName, compact }) => (
  <CreateSupportSessionButton orgId={orgId} orgName={orgName} {...(compact ? { variant: 'light', size: 'compact-sm' } : {})} />
);

export function TenantHealthRoute() {
  return <TenantHealthPage supportSessionAction={createSupportSession} />;
}

export function TenantDetailRoute() {
  return <TenantDetailPage supportSessionAction={createSupportSession} />;
}
