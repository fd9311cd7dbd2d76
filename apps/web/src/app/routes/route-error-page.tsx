import { Button, Group, Text } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { CenteredCard } from '../../components/ui/centered-card';
import { paths } from '../../lib/paths';

/** The error boundary of every route: a crash shows this instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  // A deploy replaces the hashed chunks: a tab opened before it fails to load a lazy page.
  const staleBuild = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <>
      <title>Something went wrong · Keel</title>
      <CenteredCard title={staleBuild ? 'Keel was updated' : 'Something went wrong'}>
        <Text>
          {staleBuild
            ? 'A newer version of Keel is available. Reload the page to continue.'
            : isRouteErrorResponse(error)
              ? `The page could not be shown (${error.status}).`
              : 'This page ran into a problem. Reloading usually helps; if it keeps happening, tell your Keel administrator.'}
        </Text>
        <Group grow>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
          <Button component={Link} to={paths.home} variant="default" reloadDocument>
            Go to the start page
          </Button>
        </Group>
      </CenteredCard>
    </>
  );
}
