import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CenteredCard } from '../../components/ui/centered-card';
import { useSessionState } from '../../lib/auth/session-context';
import { consoleHomePath, ROLE_LABELS } from '../../lib/authorization';

/** 403 inside the console: the person is signed in, but their role does not open this page. */
export function ForbiddenContent() {
  const state = useSessionState();
  const signedIn = state.status === 'signed-in' ? state : null;
  return (
    <>
      <title>Access denied · Keel</title>
      <Stack gap="md" maw={560} py="xl">
        <Text c="dimmed" fw={700} size="sm">
          Error 403
        </Text>
        <Title order={1} fz="h2">
          You do not have access to this page
        </Title>
        <Text>
          {signedIn
            ? `Your role (${ROLE_LABELS[signedIn.user.role]}) does not include this part of Keel. If you need it, ask an administrator to change your role.`
            : 'Your account does not include this part of Keel.'}
        </Text>
        {signedIn && (
          <Button component={Link} to={consoleHomePath(signedIn.realm, signedIn.user.role)} w="fit-content">
            Go to your start page
          </Button>
        )}
      </Stack>
    </>
  );
}

/** 403 for a page of the other realm: a tenant user on a staff page, or the reverse. */
export function WrongRealmPage() {
  const state = useSessionState();
  if (state.status !== 'signed-in') return null;
  const staffPage = state.realm === 'tenant';
  return (
    <>
      <title>Access denied · Keel</title>
      <CenteredCard
        title="You do not have access to this page"
        description={staffPage ? 'This page is for Keel platform staff.' : 'This page is for the users of an organization.'}
      >
        <Text>
          You are signed in as {state.user.email}. {staffPage ? 'Staff sign in separately, with their staff account.' : 'Organization users sign in at the organization sign-in.'}
        </Text>
        <Button component={Link} to={consoleHomePath(state.realm, state.user.role)}>
          Go to your start page
        </Button>
      </CenteredCard>
    </>
  );
}
