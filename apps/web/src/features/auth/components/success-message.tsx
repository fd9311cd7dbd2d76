import { Alert, Button } from '@mantine/core';
import type { Realm } from '@keel/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { signInPath } from '../../../lib/paths';

/** The end of a password flow: what happened, and the way to the realm's sign-in page. */
export function SuccessMessage({ realm, children }: { realm: Realm; children: ReactNode }) {
  return (
    <>
      <Alert color="green" variant="light" role="status">
        {children}
      </Alert>
      <Button component={Link} to={signInPath(realm)} fullWidth>
        Go to sign-in
      </Button>
    </>
  );
}
