import type { InviteMemberDto, MemberDto } from '@keel/api-client';
import { TENANT_ROLES, type TenantRole } from '@keel/shared';
import { ROLE_LABELS } from '../../../../lib/authorization';
import { ResourceFormDialog } from '../org-resource/resource-form-dialog';
import type { FormValues, ResourceField } from '../org-resource/resource-fields';

const ROLE_DESCRIPTIONS: Record<TenantRole, string> = {
  owner: 'Owners can do everything, including the security settings and transferring ownership.',
  admin: 'Admins manage members, settings and resources, but not the owner-only settings.',
  operator: 'Operators connect cloud accounts and change budgets and alert rules.',
  viewer: 'Viewers only read.',
};

/** The roles a person may hand out: only owners grant the owner role (the API refuses it to anyone else). */
function roleField<Values extends FormValues & { role: TenantRole }>(grantsOwner: boolean): ResourceField<Values> {
  return {
    kind: 'select',
    name: 'role',
    label: 'Role',
    options: TENANT_ROLES.filter((role) => grantsOwner || role !== 'owner').map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    description: (values) => ROLE_DESCRIPTIONS[values.role],
  };
}

type DialogState = { opened: boolean; onClose: () => void; pending: boolean; error: unknown; grantsOwner: boolean };

type InviteValues = { email: string; name: string; role: TenantRole };

export function InviteMemberDialog({ onInvite, grantsOwner, ...dialog }: DialogState & { onInvite: (body: InviteMemberDto) => void }) {
  return (
    <ResourceFormDialog<InviteValues>
      {...dialog}
      title="Invite a member"
      submitLabel="Send invitation"
      editing={false}
      fields={[
        {
          kind: 'text',
          name: 'email',
          label: 'E-mail',
          maxLength: 320,
          pattern: { regex: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Enter an e-mail address such as name@example.com' },
          description: 'They get a link to set their password, valid for 72 hours.',
        },
        { kind: 'text', name: 'name', label: 'Name', maxLength: 200, optional: true, description: 'Optional: the part of the e-mail before the @ otherwise.' },
        roleField<InviteValues>(grantsOwner),
      ]}
      initialValues={{ email: '', name: '', role: 'viewer' }}
      onSubmit={({ email, name, role }) => onInvite({ email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) })}
    />
  );
}

export function ChangeRoleDialog({ member, onChange, grantsOwner, ...dialog }: DialogState & { member: MemberDto | null; onChange: (role: TenantRole) => void }) {
  return (
    <ResourceFormDialog<{ role: TenantRole }>
      {...dialog}
      title={member ? `Change the role of ${member.name}` : 'Change role'}
      submitLabel="Change role"
      editing
      fields={[{ ...roleField(grantsOwner), description: (values) => `${ROLE_DESCRIPTIONS[values.role]} Their sessions end: they sign in again with the new role.` }]}
      initialValues={{ role: member?.role ?? 'viewer' }}
      onSubmit={({ role }) => onChange(role)}
    />
  );
}
