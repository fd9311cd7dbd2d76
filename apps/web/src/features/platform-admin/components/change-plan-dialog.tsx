import { Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgDetailDto, OrgRowDto } from '@keel/api-client';
import { ORG_PLANS, type OrgPlan } from '@keel/shared';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { PLAN } from '../utils/labels';
import { DialogForm } from '../../../components/ui/form-dialog';
import { FormDialog } from '../../../components/ui/form-dialog';

type ChangePlanDialogProps = {
  org: OrgDetailDto;
  opened: boolean;
  onClose: () => void;
  changePlan: UseMutationResult<OrgRowDto, Error, OrgPlan>;
};

export function ChangePlanDialog({ org, opened, onClose, changePlan }: ChangePlanDialogProps) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Change plan">
      <ChangePlanForm org={org} onClose={onClose} changePlan={changePlan} />
    </FormDialog>
  );
}

function ChangePlanForm({ org, onClose, changePlan }: Omit<ChangePlanDialogProps, 'opened'>) {
  const [plan, setPlan] = useState<OrgPlan>(org.plan);
  function submit() {
    changePlan.mutate(plan, {
      onSuccess: (updated) => {
        notifications.show({ color: 'teal', title: 'Plan changed', message: `${updated.name} is now on the ${PLAN[updated.plan].label} plan.` });
        onClose();
      },
    });
  }
  return (
    <DialogForm submitLabel="Change plan" onSubmit={submit} onCancel={onClose} pending={changePlan.isPending} error={changePlan.error} submitDisabled={plan === org.plan}>
      <Text size="sm">
        {org.name} is on the {PLAN[org.plan].label} plan. The change takes effect at once and is recorded in both audit logs.
      </Text>
      <Radio.Group label="New plan" value={plan} onChange={(value) => setPlan(value as OrgPlan)}>
        <Stack gap="xs" mt="xs">
          {ORG_PLANS.map((option) => (
            <Radio key={option} value={option} label={`${PLAN[option].label}${option === org.plan ? ' (current)' : ''}`} data-autofocus={option === org.plan || undefined} />
          ))}
        </Stack>
      </Radio.Group>
    </DialogForm>
  );
}
