import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreateOrgDto } from '@keel/api-client';
import { ORG_PLANS, type OrgPlan } from '@keel/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { platformOrgPath } from '../../../lib/paths';
import { useCreateOrg } from '../api/orgs';
import { PLAN } from '../utils/labels';
import { ORG_NAME_MAX_LENGTH, slugFromName, validateNewOrg, type NewOrgErrors } from '../utils/new-org';
import { DialogForm } from '../../../components/ui/form-dialog';
import { FormDialog } from '../../../components/ui/form-dialog';

const PLAN_OPTIONS = ORG_PLANS.map((plan) => ({ value: plan, label: PLAN[plan].label }));

/** Creates an active organization and invites its owner by e-mail; then opens the new org. */
export function CreateOrgDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <FormDialog opened={opened} onClose={onClose} title="Create organization" size="lg">
      <CreateOrgForm onClose={onClose} />
    </FormDialog>
  );
}

function CreateOrgForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const createOrg = useCreateOrg();
  const [org, setOrg] = useState<CreateOrgDto>({ name: '', slug: '', plan: 'free', owner_email: '' });
  // The slug follows the name until the person edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<NewOrgErrors>({});

  function submit() {
    const body = { ...org, name: org.name.trim(), owner_email: org.owner_email.trim() };
    const found = validateNewOrg(body);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    createOrg.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', title: 'Organization created', message: `${created.name} is active; ${body.owner_email} was invited as its owner.` });
        onClose();
        void navigate(platformOrgPath(created.id));
      },
    });
  }

  return (
    <DialogForm submitLabel="Create organization" onSubmit={submit} onCancel={onClose} pending={createOrg.isPending} error={createOrg.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={ORG_NAME_MAX_LENGTH}
          value={org.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setOrg((current) => ({ ...current, name, slug: slugEdited ? current.slug : slugFromName(name) }));
          }}
          error={errors.name}
        />
        <TextInput
          label="Slug"
          description="Used in links; cannot be changed later"
          required
          maxLength={63}
          spellCheck={false}
          autoComplete="off"
          value={org.slug}
          onChange={(event) => {
            const slug = event.currentTarget.value;
            setSlugEdited(true);
            setOrg((current) => ({ ...current, slug }));
          }}
          error={errors.slug}
        />
        <NativeSelect
          label="Plan"
          data={PLAN_OPTIONS}
          value={org.plan}
          onChange={(event) => {
            const plan = event.currentTarget.value as OrgPlan;
            setOrg((current) => ({ ...current, plan }));
          }}
        />
        <TextInput
          label="Owner’s e-mail"
          description="They get an invitation to set their password"
          type="email"
          required
          autoComplete="off"
          value={org.owner_email}
          onChange={(event) => {
            const ownerEmail = event.currentTarget.value;
            setOrg((current) => ({ ...current, owner_email: ownerEmail }));
          }}
          error={errors.owner_email}
        />
      </SimpleGrid>
    </DialogForm>
  );
}
