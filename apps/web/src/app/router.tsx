import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { FullPageLoader } from '../components/ui/full-page-loader';
import { AcceptInvitePage } from '../features/auth/pages/accept-invite-page';
import { ResetPasswordPage } from '../features/auth/pages/reset-password-page';
import { SignInPage } from '../features/auth/pages/sign-in-page';
import { paths } from '../lib/paths';
import { RequirePermission } from './guards/require-permission';
import { RequireSession } from './guards/require-session';
import { LandingPage } from './routes/landing-page';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

// The signed-in console loads on demand: the sign-in pages stay small (see `npm run bench:web`).
const ConsoleLayout = lazy(() => import('./layout/console-layout').then((module) => ({ default: module.ConsoleLayout })));
const PlatformAuditLogPage = lazy(() => import('./routes/platform-audit-log-page').then((module) => ({ default: module.PlatformAuditLogPage })));
const OrgAuditLogPage = lazy(() => import('./routes/org-audit-log-page').then((module) => ({ default: module.OrgAuditLogPage })));
const PlatformDashboardPage = lazy(() => import('../features/platform-admin/pages/platform-dashboard-page').then((module) => ({ default: module.PlatformDashboardPage })));
const OrgsPage = lazy(() => import('../features/platform-admin/pages/orgs-page').then((module) => ({ default: module.OrgsPage })));
const OrgDetailPage = lazy(() => import('../features/platform-admin/pages/org-detail-page').then((module) => ({ default: module.OrgDetailPage })));
const SyncHealthPage = lazy(() => import('../features/platform-admin/pages/sync-health-page').then((module) => ({ default: module.SyncHealthPage })));
const UsagePage = lazy(() => import('../features/platform-admin/pages/usage-page').then((module) => ({ default: module.UsagePage })));
const PlatformSessionsPage = lazy(() => import('../features/platform-admin/pages/platform-sessions-page').then((module) => ({ default: module.PlatformSessionsPage })));
const StaffPage = lazy(() => import('../features/platform-admin/pages/staff-page').then((module) => ({ default: module.StaffPage })));
const OutboxPage = lazy(() => import('../features/platform-admin/pages/outbox-page').then((module) => ({ default: module.OutboxPage })));
const ApiKeysPage = lazy(() => import('../features/integrations/pages/api-keys-page').then((module) => ({ default: module.ApiKeysPage })));
const WebhooksPage = lazy(() => import('../features/integrations/pages/webhooks-page').then((module) => ({ default: module.WebhooksPage })));
const WebhookPage = lazy(() => import('../features/integrations/pages/webhook-page').then((module) => ({ default: module.WebhookPage })));
const TenantHealthRoute = lazy(() => import('./routes/support-routes').then((module) => ({ default: module.TenantHealthRoute })));
const TenantDetailRoute = lazy(() => import('./routes/support-routes').then((module) => ({ default: module.TenantDetailRoute })));
const SupportSessionsPage = lazy(() => import('../features/support-sessions/pages/support-sessions-page').then((module) => ({ default: module.SupportSessionsPage })));
const SupportSessionPage = lazy(() => import('../features/support-sessions/pages/support-session-page').then((module) => ({ default: module.SupportSessionPage })));
const SupportAccessPage = lazy(() => import('../features/support-sessions/pages/support-access-page').then((module) => ({ default: module.SupportAccessPage })));
const OrgSupportSessionPage = lazy(() => import('../features/support-sessions/pages/org-support-session-page').then((module) => ({ default: module.OrgSupportSessionPage })));
const TenantDashboardPage = lazy(() => import('../features/tenant-console/pages/tenant-dashboard-page').then((module) => ({ default: module.TenantDashboardPage })));
const CloudAccountsPage = lazy(() => import('../features/tenant-console/pages/cloud-accounts-page').then((module) => ({ default: module.CloudAccountsPage })));
const BudgetsPage = lazy(() => import('../features/tenant-console/pages/budgets-page').then((module) => ({ default: module.BudgetsPage })));
const AlertRulesPage = lazy(() => import('../features/tenant-console/pages/alert-rules-page').then((module) => ({ default: module.AlertRulesPage })));
const MembersPage = lazy(() => import('../features/tenant-console/pages/members-page').then((module) => ({ default: module.MembersPage })));
const SettingsPage = lazy(() => import('../features/tenant-console/pages/settings-page').then((module) => ({ default: module.SettingsPage })));
const MySessionsPage = lazy(() => import('../features/tenant-console/pages/my-sessions-page').then((module) => ({ default: module.MySessionsPage })));

function RootBoundary() {
  return (
    <Suspense fallback={<FullPageLoader label="Loading Keel" />}>
      <Outlet />
    </Suspense>
  );
}

/** The route registry: every page of the SPA is listed here and nowhere else. */
export const routes: RouteObject[] = [
  {
    element: <RootBoundary />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: paths.home, element: <LandingPage /> },
      { path: paths.staffSignIn, element: <SignInPage key="platform" realm="platform" /> },
      { path: paths.tenantSignIn, element: <SignInPage key="tenant" realm="tenant" /> },
      { path: paths.acceptInvite, element: <AcceptInvitePage /> },
      { path: paths.resetPassword, element: <ResetPasswordPage /> },
      {
        element: <RequireSession realm="platform" />,
        children: [
          {
            element: <ConsoleLayout />,
            children: [
              {
                path: paths.platform,
                element: <RequirePermission permission="platform" />,
                children: [
                  { index: true, element: <PlatformDashboardPage /> },
                  { path: paths.platformOrgs, element: <OrgsPage /> },
                  { path: paths.platformOrg, element: <OrgDetailPage /> },
                  { path: paths.platformSyncHealth, element: <SyncHealthPage /> },
                  { path: paths.platformUsage, element: <UsagePage /> },
                  { path: paths.platformSessions, element: <PlatformSessionsPage /> },
                  { path: paths.platformStaff, element: <StaffPage /> },
                  { path: paths.platformOutbox, element: <OutboxPage /> },
                  { path: paths.platformApiKeys, element: <ApiKeysPage /> },
                  { path: paths.platformWebhooks, element: <WebhooksPage /> },
                  { path: paths.platformWebhook, element: <WebhookPage /> },
                  { path: paths.platformAuditLog, element: <PlatformAuditLogPage /> },
                ],
              },
              {
                path: paths.support,
                element: <RequirePermission permission="support" />,
                children: [
                  { index: true, element: <TenantHealthRoute /> },
                  { path: paths.supportTenant, element: <TenantDetailRoute /> },
                  { path: paths.supportSessions, element: <SupportSessionsPage /> },
                  { path: paths.supportSession, element: <SupportSessionPage /> },
                ],
              },
            ],
          },
        ],
      },
      {
        element: <RequireSession realm="tenant" />,
        children: [
          {
            path: paths.tenantConsole,
            element: <ConsoleLayout />,
            children: [
              { index: true, element: <TenantDashboardPage /> },
              { path: paths.tenantCloudAccounts, element: <CloudAccountsPage /> },
              { path: paths.tenantBudgets, element: <BudgetsPage /> },
              { path: paths.tenantAlertRules, element: <AlertRulesPage /> },
              { path: paths.tenantSessions, element: <MySessionsPage /> },
              {
                element: <RequirePermission permission="orgMembers" />,
                children: [{ path: paths.tenantMembers, element: <MembersPage /> }],
              },
              {
                element: <RequirePermission permission="orgSettings" />,
                children: [{ path: paths.tenantSettings, element: <SettingsPage /> }],
              },
              {
                element: <RequirePermission permission="orgSupportAccess" />,
                children: [
                  { path: paths.tenantSupportAccess, element: <SupportAccessPage /> },
                  { path: paths.tenantSupportSession, element: <OrgSupportSessionPage /> },
                ],
              },
              {
                element: <RequirePermission permission="orgAuditLog" />,
                children: [{ path: paths.tenantAuditLog, element: <OrgAuditLogPage /> }],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
