import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CenteredCard } from '../../../components/ui/centered-card';
import { paths } from '../../../lib/paths';

/** Shown when a mailed link lost its realm or token (cut short by a mail client, mistyped). */
export function InvalidLinkCard({ title }: { title: string }) {
  return (
    <CenteredCard title={title}>
      <Text>This link is incomplete. Open it again from the e-mail, or copy the whole address into the browser.</Text>
      <Anchor component={Link} to={paths.home}>
        Back to Keel
      </Anchor>
    </CenteredCard>
  );
}
