import { createBrowserRouter, type RouteObject } from 'react-router';
import { AcceptInvitePage } from '../features/auth/pages/accept-invite-page';
import { ResetPasswordPage } from '../features/auth/pages/reset-password-page';
import { SignInPlaceholderPage } from '../features/auth/pages/sign-in-placeholder-page';
import { paths } from '../lib/paths';
import { LandingPage } from './routes/landing-page';
import { NotFoundPage } from './routes/not-found-page';

/** The route registry: every page of the SPA is listed here and nowhere else. */
export const routes: RouteObject[] = [
  { path: paths.home, element: <LandingPage /> },
  { path: paths.staffSignIn, element: <SignInPlaceholderPage realm="platform" /> },
  { path: paths.tenantSignIn, element: <SignInPlaceholderPage realm="tenant" /> },
  { path: paths.acceptInvite, element: <AcceptInvitePage /> },
  { path: paths.resetPassword, element: <ResetPasswordPage /> },
  { path: '*', element: <NotFoundPage /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
