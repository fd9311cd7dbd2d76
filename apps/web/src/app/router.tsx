import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
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
const SupportHomePage = lazy(() => import('./routes/support-home-page').then((module) => ({ default: module.SupportHomePage })));
const TenantDashboardPage = lazy(() => import('./routes/tenant-dashboard-page').then((module) => ({ default: module.TenantDashboardPage })));

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
                  { index: true, element: <Navigate to={paths.platformAuditLog} replace /> },
                  { path: paths.platformAuditLog, element: <PlatformAuditLogPage /> },
                ],
              },
              {
                path: paths.support,
                element: <RequirePermission permission="support" />,
                children: [{ index: true, element: <SupportHomePage /> }],
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
