import { Button, Stack, Text } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { CenteredCard } from '../../components/ui/centered-card';
import { useSessionState } from '../../lib/auth/session-context';
import { consoleHomePath } from '../../lib/authorization';
import { paths } from '../../lib/paths';

export function LandingPage() {
  const session = useSessionState();
  // Someone already signed in came for their console, not for the choice of sign-in pages.
  if (session.status === 'signed-in') return <Navigate to={consoleHomePath(session.realm, session.user.role)} replace />;
  return (
    <>
      <title>Keel</title>
      <CenteredCard title="Welcome to Keel" description="The control plane for running a multi-tenant SaaS.">
        <Stack gap="sm">
          <Button component={Link} to={paths.tenantSignIn} fullWidth>
            Sign in to your organization
          </Button>
          <Button component={Link} to={paths.staffSignIn} variant="default" fullWidth>
            Platform staff sign-in
          </Button>
        </Stack>
        <Text size="xs" c="dimmed" ta="center">
          Invited by e-mail? Open the link in the invitation to set your password.
        </Text>
      </CenteredCard>
    </>
  );
}
