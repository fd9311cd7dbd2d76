import { Anchor, Group, Text } from '@mantine/core';
import type { Realm } from '@keel/shared';
import { Link } from 'react-router';
import { CenteredCard } from '../../../components/ui/centered-card';
import { paths, resetPasswordPath } from '../../../lib/paths';

// Stands in for /platform/login and /login until the web console brings the sign-in forms.
export function SignInPlaceholderPage({ realm }: { realm: Realm }) {
  const title = realm === 'platform' ? 'Staff sign-in' : 'Sign in';
  return (
    <>
      <title>{`${title} · Keel`}</title>
      <CenteredCard title={title}>
        <Text>Sign-in arrives with the web console.</Text>
        <Group justify="space-between">
          <Anchor component={Link} to={paths.home} size="sm">
            Back to Keel
          </Anchor>
          <Anchor component={Link} to={resetPasswordPath(realm)} size="sm">
            Forgot your password?
          </Anchor>
        </Group>
      </CenteredCard>
    </>
  );
}
