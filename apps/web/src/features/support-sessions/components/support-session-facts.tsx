import { Box, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../../lib/format';
import type { SupportSession } from '../api/support-session-types';
import { END_REASON_LABELS, scopesLabel } from '../utils/support-session-labels';
import { SupportSessionStatusBadge } from './support-session-status-badge';

/** Who acted, as whom, on which org, why, how far they could go (Session details), and when (Timing). */
export function SupportSessionFacts({ session }: { session: SupportSession }) {
  const revoked = session.end_reason === 'revoked';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <FactsCard
        title="Session details"
        facts={[
          ['Status', <SupportSessionStatusBadge key="status" status={session.status} />],
          ['Tenant', <Identified key="tenant" name={session.org_name} id={session.org_id} />],
          ['Acting as', <Identified key="target" name={session.target_user_email} id={session.target_user_id} />],
          ['Staff member', <Identified key="staff" name={session.platform_user_email} id={session.platform_user_id} />],
          ['Scope', scopesLabel(session.scopes)],
          ['Reason', session.reason],
          ['Ticket', session.ticket_ref ?? <Dimmed key="ticket">None given</Dimmed>],
        ]}
      />
      <FactsCard
        title="Timing"
        facts={[
          ['Issued', <Time key="issued" timestamp={session.created_at} />],
          [session.status === 'active' ? 'Expires' : 'Was due to expire', <Time key="expires" timestamp={session.expires_at} />],
          [revoked ? 'Revoked at' : 'Ended at', session.ended_at ? <Time key="ended" timestamp={session.ended_at} /> : <Dimmed key="ended">{session.status === 'active' ? 'Still active' : 'Not recorded yet'}</Dimmed>],
          ['End reason', session.end_reason ? END_REASON_LABELS[session.end_reason] : <Dimmed key="reason">–</Dimmed>],
          ['Revoke reason', session.revoke_reason ?? <Dimmed key="revoke">{revoked ? 'None given' : '–'}</Dimmed>],
        ]}
      />
    </SimpleGrid>
  );
}

/** A titled card of label–value pairs, as a description list. */
function FactsCard({ title, facts }: { title: string; facts: [string, ReactNode][] }) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="h4" id={titleId} mb="sm">
        {title}
      </Title>
      <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '0.5rem 1rem' }}>
        {facts.map(([label, value]) => (
          <Box key={label} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

function Identified({ name, id }: { name: string; id: string }) {
  return (
    <>
      {name}
      <Text span size="xs" c="dimmed" display="block" ff="monospace">
        {id}
      </Text>
    </>
  );
}

function Time({ timestamp }: { timestamp: string }) {
  return (
    <time dateTime={timestamp}>
      {formatDateTime(timestamp)} <Dimmed>({formatRelative(timestamp)})</Dimmed>
    </time>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
