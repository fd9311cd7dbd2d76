import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/** The org's lever over support sessions is its consent, not a revoke button. */
export function SupportAccessNote() {
  return (
    <Alert variant="light" color="blue" title="Your say over support access" role="note">
      <Text size="sm">
        Keel&apos;s staff can open a support session only while platform support access is on, and only for a stated reason; your owners are e-mailed each time.
        To refuse new sessions and end any open one, an owner turns platform support access off in{' '}
        {/* In the note's own colour, underlined: the link colour on the note's tint is too faint to read. */}
        <Anchor component={Link} to={paths.tenantSettings} inherit c="inherit" underline="always" fw={600}>
          Settings
        </Anchor>
        .
      </Text>
    </Alert>
  );
}
