import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgDto } from '@keel/api-client';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../../components/ui/error-alert';
import { apiErrorMessage } from '../../../../lib/api-error';
import { useUpdateOrgSettings } from '../../api/org';

const NAME_MAX_LENGTH = 200;

/** The organization's display name; the slug and plan are shown but only platform staff change them. */
export function OrgNameForm({ org }: { org: OrgDto }) {
  const update = useUpdateOrgSettings();
  const [name, setName] = useState(org.name);
  const [error, setError] = useState<string>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Enter the organization name');
    setError(undefined);
    update.mutate(
      { name: trimmed },
      { onSuccess: (saved) => notifications.show({ color: 'teal', title: 'Organization renamed', message: `Your organization is now called ${saved.name}.` }) },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            Organization
          </Title>
          <Text size="sm" c="dimmed">
            Slug <strong>{org.slug}</strong> · {org.plan} plan. Keel&apos;s platform team changes these on request.
          </Text>
          <TextInput
            label="Organization name"
            required
            maxLength={NAME_MAX_LENGTH}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            disabled={update.isPending}
          />
          {update.isError && <ErrorAlert title="Rename failed">{apiErrorMessage(update.error)}</ErrorAlert>}
          <Group>
            <Button type="submit" loading={update.isPending} disabled={name.trim() === org.name}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
