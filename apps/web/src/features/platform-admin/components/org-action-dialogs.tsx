import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgDetailDto } from '@keel/api-client';
import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { formatDateTime } from '../../../lib/format';
import { useOrgActions } from '../api/orgs';
import type { OrgAction } from '../utils/org-actions';
import { ChangePlanDialog } from './change-plan-dialog';
import { ContactAdminsDialog } from './contact-admins-dialog';

// The API's bounds of a reason (ReasonDto).
const REASON = { minLength: 3, maxLength: 500 };

type OrgActionDialogsProps = { org: OrgDetailDto; action: OrgAction | null; onClose: () => void };

type Confirmation = {
  title: string;
  confirmLabel: string;
  color: string;
  body: ReactNode;
  reason?: { label: string; minLength: number; maxLength: number; placeholder?: string };
  typedConfirmation?: string;
  run: (reason: string) => void;
  pending: boolean;
  error: unknown;
};

/** The dialog of each action on the org; `action` says which one is open. */
export function OrgActionDialogs({ org, action, onClose }: OrgActionDialogsProps) {
  const actions = useOrgActions(org.id);
  const done = (title: string, message: string) => {
    notifications.show({ color: 'teal', title, message });
    onClose();
  };
  // A dialog opened again starts without the last attempt's error.
  const close = () => {
    for (const mutation of Object.values(actions)) mutation.reset();
    onClose();
  };
  const requireTwoFactor = !org.require_2fa;

  const confirmations: Partial<Record<OrgAction, Confirmation>> = {
    approve: {
      title: 'Approve sign-up',
      confirmLabel: 'Approve',
      // The primary blue: white on Mantine's filled teal misses WCAG AA contrast.
      color: 'blue',
      body: <Text size="sm">{org.name} becomes active and its owner is e-mailed that they can sign in.</Text>,
      run: () => actions.approve.mutate(undefined, { onSuccess: () => done('Sign-up approved', `${org.name} is active; its owner can sign in.`) }),
      ...mutationState(actions.approve),
    },
    reject: {
      title: 'Reject sign-up',
      confirmLabel: 'Reject',
      color: 'red',
      body: <Text size="sm">{org.name} will not be able to sign in. Its owner is e-mailed the reason.</Text>,
      reason: { label: 'Reason (sent to the owner)', ...REASON },
      run: (reason) => actions.reject.mutate(reason, { onSuccess: () => done('Sign-up rejected', `${org.name} was rejected; its owner was told why.`) }),
      ...mutationState(actions.reject),
    },
    disable: {
      title: 'Disable organization',
      confirmLabel: 'Disable',
      color: 'red',
      body: (
        <Text size="sm">
          Every session of {org.name}’s users ends at once, and nobody in it can sign in or use the API until you enable it again. Its owners are e-mailed the
          reason.
        </Text>
      ),
      reason: { label: 'Reason (sent to the owners)', ...REASON },
      run: (reason) => actions.disable.mutate(reason, { onSuccess: () => done('Organization disabled', `${org.name} is suspended; its sessions have ended.`) }),
      ...mutationState(actions.disable),
    },
    enable: {
      title: 'Enable organization',
      confirmLabel: 'Enable',
      color: 'blue',
      body: <Text size="sm">{org.name}’s users can sign in again. Its owners are e-mailed.</Text>,
      run: () => actions.enable.mutate(undefined, { onSuccess: () => done('Organization enabled', `${org.name} is active again.`) }),
      ...mutationState(actions.enable),
    },
    requireTwoFactor: {
      title: requireTwoFactor ? 'Require two-factor authentication' : 'Stop requiring two-factor authentication',
      confirmLabel: requireTwoFactor ? 'Require 2FA' : 'Stop requiring 2FA',
      color: requireTwoFactor ? 'blue' : 'red',
      body: (
        <Text size="sm">
          {requireTwoFactor
            ? `Every user of ${org.name} must set up an authenticator app at their next sign-in; sessions signed in without it must sign in again.`
            : `Users of ${org.name} may then sign in with a password alone (those who set up an authenticator keep using it).`}
        </Text>
      ),
      run: () =>
        actions.requireTwoFactor.mutate(requireTwoFactor, {
          onSuccess: () => done('Two-factor authentication', `${org.name} ${requireTwoFactor ? 'now requires' : 'no longer requires'} two-factor authentication.`),
        }),
      ...mutationState(actions.requireTwoFactor),
    },
    delete: {
      title: 'Delete organization',
      confirmLabel: 'Delete organization',
      color: 'red',
      body: (
        <Text size="sm">
          {org.name} is locked at once and deleted for good after a 7-day grace period, with all of its data: users, cloud accounts, cost rows, budgets,
          alerts and its own audit log. Until then you can restore it. The platform audit log keeps what staff did.
        </Text>
      ),
      typedConfirmation: org.slug,
      run: () =>
        actions.scheduleDeletion.mutate(org.slug, {
          onSuccess: ({ deletion_scheduled_at: scheduledAt }) => done('Deletion scheduled', `${org.name} will be deleted on ${formatDateTime(scheduledAt)}.`),
        }),
      ...mutationState(actions.scheduleDeletion),
    },
    restore: {
      title: 'Restore organization',
      confirmLabel: 'Restore',
      color: 'blue',
      body: <Text size="sm">The deletion of {org.name} is cancelled and it returns to the status it had before.</Text>,
      run: () => actions.restore.mutate(undefined, { onSuccess: () => done('Organization restored', `The deletion of ${org.name} is cancelled.`) }),
      ...mutationState(actions.restore),
    },
  };

  return (
    <>
      <ChangePlanDialog org={org} opened={action === 'plan'} onClose={close} changePlan={actions.changePlan} />
      <ContactAdminsDialog org={org} opened={action === 'contact'} onClose={close} contact={actions.contact} />
      {Object.entries(confirmations).map(([key, confirmation]) => (
        <ConfirmDialog
          key={key}
          opened={action === key}
          onClose={close}
          title={confirmation.title}
          confirmLabel={confirmation.confirmLabel}
          color={confirmation.color}
          reason={confirmation.reason}
          typedConfirmation={confirmation.typedConfirmation}
          onConfirm={confirmation.run}
          pending={confirmation.pending}
          error={confirmation.error}
        >
          {confirmation.body}
        </ConfirmDialog>
      ))}
    </>
  );
}

function mutationState(mutation: { isPending: boolean; error: unknown }) {
  return { pending: mutation.isPending, error: mutation.error };
}
