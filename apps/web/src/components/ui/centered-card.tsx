import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';

type CenteredCardProps = {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
};

/** The single-card layout of the signed-out pages: brand, heading, content. */
export function CenteredCard({ title, description, children }: CenteredCardProps) {
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="lg">
        <Anchor component={Link} to={paths.home} fw={700} fz="xl" c="blue.8" ta="center" underline="never">
          Keel
        </Anchor>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} fz="h2">
                {title}
              </Title>
              {description && (
                <Text c="dimmed" size="sm">
                  {description}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
