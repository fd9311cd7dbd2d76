import { Title } from '@mantine/core';

// Placeholder: the page arrives with its feature.
export function SettingsPage() {
  return (
    <>
      <title>Settings · Keel</title>
      <Title order={1} fz="h2">
        Settings
      </Title>
    </>
  );
}
