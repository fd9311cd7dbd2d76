import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useId, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../../components/ui/query-states';
import { useSessionState } from '../../lib/auth/session-context';
import { consoleHomePath } from '../../lib/authorization';
import { isActiveLink, navigationFor } from './navigation';
import { SupportSessionBanner } from './support-session-banner';
import { UserMenu } from './user-menu';

const BANNER_HEIGHT = 44;

/** The signed-in shell: header with the account menu, the role's navigation, and the page. */
export function ConsoleLayout() {
  const state = useSessionState();
  const { pathname } = useLocation();
  const [navigationOpened, navigation] = useDisclosure(false);

  // On small screens the menu is a drawer: close it once a link has been followed.
  const closeNavigation = navigation.close;
  useEffect(() => closeNavigation(), [pathname, closeNavigation]);

  if (state.status !== 'signed-in') return null; // the session guard around this layout handles every other state
  const { realm, user, support } = state;
  // A support tab shows its banner under the header, on every page.
  const headerHeight = support ? 60 + BANNER_HEIGHT : 60;

  return (
    <AppShell header={{ height: headerHeight }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }} padding="lg">
      <AppShell.Header>
        <Group h={60} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navigationOpened} onClick={navigation.toggle} hiddenFrom="sm" size="sm" aria-label={navigationOpened ? 'Close navigation' : 'Open navigation'} />
            <Anchor component={Link} to={consoleHomePath(realm, user.role)} fw={800} fz="xl" c="blue.8" underline="never">
              Keel
            </Anchor>
            <Badge variant="light" color={realm === 'platform' ? 'indigo' : 'gray'} visibleFrom="xs">
              {realm === 'platform' ? 'Platform staff' : 'Organization'}
            </Badge>
          </Group>
          <UserMenu realm={realm} user={user} support={!!support} />
        </Group>
        {support && <SupportSessionBanner support={support} userEmail={user.email} />}
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="lg">
            {navigationFor(realm, user.role).map((section) => (
              <NavigationSection key={section.label} label={section.label}>
                {section.links.map((link) => (
                  <NavLink
                    key={link.to}
                    component={Link}
                    to={link.to}
                    label={link.label}
                    leftSection={link.icon}
                    active={isActiveLink(link, pathname)}
                    aria-current={isActiveLink(link, pathname) ? 'page' : undefined}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                ))}
              </NavigationSection>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {/* Pages load on demand; the shell stays put meanwhile. */}
        <Suspense fallback={<LoadingState label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function NavigationSection({ label, children }: { label: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}
