import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgDto } from '@keel/api-client';
import { useState } from 'react';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';
import { useSession } from '../../../../lib/auth/session-context';
import { useUpdateOrgSettings } from '../../api/org';
import { useTenantUser } from '../../hooks/use-tenant-user';

type SecuritySetting = 'allow_platform_impersonation' | 'require_2fa';
type Change = { setting: SecuritySetting; value: boolean };

const LABELS: Record<SecuritySetting, { label: string; description: string }> = {
  allow_platform_impersonation: {
    label: 'Allow platform support sessions',
    description: "Keel's support staff may open time-limited support sessions on this organization to help you. Each one is recorded in your audit log.",
  },
  require_2fa: {
    label: 'Require two-factor authentication',
    description: 'Every member must use an authenticator app to sign in.',
  },
};

/** What confirming a change will do, in the words an owner needs to decide. */
function consequence({ setting, value }: Change, ownMfaEnabled: boolean): { title: string; text: string; confirmLabel: string } {
  if (setting === 'allow_platform_impersonation') {
    return value
      ? {
          title: 'Allow platform support sessions',
          text: "Keel's platform support will be able to open support sessions on this organization again, to look into a problem as one of your members. Every session, and everything done in it, appears in your audit log marked Platform Support.",
          confirmLabel: 'Allow support sessions',
        }
      : {
          title: 'Turn off platform support sessions',
          text: "Keel's platform support will no longer be able to open support sessions on this organization: they cannot look into a problem from inside it until an owner turns this back on. Their attempts are refused and recorded in your audit log.",
          confirmLabel: 'Turn off support sessions',
        };
  }
  return value
    ? {
        title: 'Require two-factor authentication',
        text: `Every member must set up an authenticator app at their next sign-in. Members without one are signed out now${ownMfaEnabled ? '.' : ', you included.'}`,
        confirmLabel: 'Require two-factor authentication',
      }
    : {
        title: 'Stop requiring two-factor authentication',
        text: 'Members may sign in with their password alone again. Those who set up an authenticator app keep using it.',
        confirmLabel: 'Stop requiring it',
      };
}

/** The owner-only switches: consent to support sessions, and enforced 2FA. Admins see them, disabled. */
export function SecuritySettings({ org }: { org: OrgDto }) {
  const session = useSession();
  const { user, may } = useTenantUser();
  const isOwner = may('orgOwnership');
  const update = useUpdateOrgSettings();
  const [change, setChange] = useState<Change | null>(null);
  const ownMfaEnabled = user?.mfa_enabled ?? false;

  function confirm({ setting, value }: Change) {
    update.mutate(
      { [setting]: value },
      {
        onSuccess: () => {
          setChange(null);
          notifications.show({ color: 'teal', title: 'Setting saved', message: `${LABELS[setting].label}: ${value ? 'on' : 'off'}.` });
          // The API has just ended this session too: sign in again, and set up 2FA then.
          if (setting === 'require_2fa' && value && !ownMfaEnabled) session.end('signed-out');
        },
      },
    );
  }

  const wording = change && consequence(change, ownMfaEnabled);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz="h4">
          Security
        </Title>
        {!isOwner && (
          <Text size="sm" c="dimmed">
            Only owners can change these settings.
          </Text>
        )}
        {(Object.keys(LABELS) as SecuritySetting[]).map((setting) => (
          <Switch
            key={setting}
            label={LABELS[setting].label}
            description={LABELS[setting].description}
            checked={org[setting]}
            disabled={!isOwner}
            onChange={(event) => {
              update.reset();
              setChange({ setting, value: event.currentTarget.checked });
            }}
          />
        ))}
      </Stack>
      <ConfirmDialog
        opened={change !== null}
        onClose={() => setChange(null)}
        title={wording?.title ?? ''}
        confirmLabel={wording?.confirmLabel ?? ''}
        color={change?.value ? 'blue' : 'red'}
        pending={update.isPending}
        error={update.error}
        onConfirm={() => change && confirm(change)}
      >
        <Text size="sm">{wording?.text}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
