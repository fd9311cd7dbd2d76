import { Button, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { CenteredCard } from '../../components/ui/centered-card';
import { paths } from '../../lib/paths';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Page not found · Keel</title>
      <CenteredCard title="Page not found">
        <Text>
          There is no page at <Text span ff="monospace">{pathname}</Text>. The link may be old or mistyped.
        </Text>
        <Button component={Link} to={paths.home}>
          Go to the start page
        </Button>
      </CenteredCard>
    </>
  );
}
