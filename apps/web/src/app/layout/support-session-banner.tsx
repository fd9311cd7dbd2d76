import { Button, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { LifebuoyIcon } from '../../components/ui/icons';
import type { SupportSessionInfo } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/session-context';

const SCOPE_LABELS: Record<SupportSessionInfo['scope'], string> = { read_only: 'Read-only', read_write: 'Read and write' };

/** Minutes and seconds left, e.g. "14:05". */
export function timeLeft(expiresAt: Date, now: number): string {
  const seconds = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Always on screen in a support tab (SPEC §9): who is acting, how far they may go, how long is
 * left, and the way out. Ending here ends the support session at the API, for good.
 */
export function SupportSessionBanner({ support, userEmail }: { support: SupportSessionInfo; userEmail: string }) {
  const session = useSession();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const end = useMutation({ mutationFn: () => session.signOut() });

  return (
    <Paper component="section" aria-label="Support session" radius={0} px="md" py={6} bg="orange.1" style={{ borderBottom: '1px solid var(--mantine-color-orange-4)' }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <LifebuoyIcon size={18} />
          <Text size="sm" fw={600}>
            Support session: {support.staffEmail} acting as {userEmail}
          </Text>
          <Text size="sm">· {SCOPE_LABELS[support.scope]}</Text>
          <Text size="sm">
            · <span aria-hidden="true">{timeLeft(support.expiresAt, now)} left</span>
            {/* Read out once, not every second. */}
            <VisuallyHidden>Ends at {support.expiresAt.toLocaleTimeString()}</VisuallyHidden>
          </Text>
        </Group>
        <Button size="xs" color="dark" variant="filled" loading={end.isPending} onClick={() => end.mutate()}>
          End session
        </Button>
      </Group>
    </Paper>
  );
}
