import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoredSession, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiAnswer, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { API, listOf, member, ok } from '../testing/tenant-fixtures';

const LIST = `GET ${API}/org/members`;
const INVITE = `POST ${API}/org/members`;

const otherOwner = member({ name: 'Olga Owner', email: 'olga@acme.example', role: 'owner' });
const operator = member({ name: 'Oscar Operator', email: 'oscar@acme.example', role: 'operator' });
const invited = member({ name: 'ivy', email: 'ivy@acme.example', role: 'viewer', status: 'invited', last_login_at: null });

/** The signed-in person (tenantUser's id) and three others. */
function membersApi(role: 'owner' | 'admin', routes: Record<string, ApiAnswer | ((request: ApiRequest) => ApiAnswer)> = {}) {
  const me = member({ id: tenantUser(role).id, name: `${role === 'owner' ? 'Owner' : 'Admin'} Person`, email: `${role}@acme.example`, role, mfa_enabled: true });
  return mockApi({ ...restoredSession('tenant', tenantUser(role)), [LIST]: listOf([me, otherOwner, operator, invited]), ...routes });
}

const rowOf = async (name: string) => within(await screen.findByRole('table', { name: 'Members' })).getByRole('row', { name: new RegExp(name) });

describe('members', () => {
  it('lists the members with role, status, two-factor and last sign-in, and marks the signed-in person', async () => {
    membersApi('owner');
    renderRoute('/app/members');

    const me = await rowOf('Owner Person');
    expect(me).toHaveTextContent(/You.*owner@acme\.example.*Owner.*Active.*On/);
    expect(within(me).queryByRole('button')).not.toBeInTheDocument();
    expect(await rowOf('ivy')).toHaveTextContent(/Viewer.*Invited.*Off.*Never/);
  });

  it('invites a member by e-mail with a role; an owner may invite another owner', async () => {
    const api = membersApi('owner', { [INVITE]: ok(member({ email: 'nina@acme.example' }), 201) });
    const { user } = renderRoute('/app/members');
    await rowOf('Owner Person');

    await user.click(screen.getByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a member' });
    expect(within(dialog).getByRole('option', { name: 'Owner' })).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'nina@acme.example');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Admin');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent')).toBeInTheDocument();
    expect(api.to(INVITE)[0].body).toEqual({ email: 'nina@acme.example', role: 'admin' });
  });

  it('shows why an invitation was refused', async () => {
    membersApi('owner', { [INVITE]: errorAnswer(409, 'This e-mail already belongs to a Keel account') });
    const { user } = renderRoute('/app/members');
    await rowOf('Owner Person');

    await user.click(screen.getByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a member' });
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'oscar@acme.example');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This e-mail already belongs to a Keel account');
  });

  it('gives an admin no way to grant the owner role or to touch an owner', async () => {
    membersApi('admin');
    const { user } = renderRoute('/app/members');

    expect(within(await rowOf('Olga Owner')).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(/Only owners can grant or remove the owner role/)).toBeInTheDocument();
    await user.click(within(await rowOf('Oscar Operator')).getByRole('button', { name: 'More actions for Oscar Operator' }));
    expect(await screen.findByRole('menuitem', { name: 'Remove from the organization' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Transfer ownership' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(within(await rowOf('Oscar Operator')).getByRole('button', { name: 'Change the role of Oscar Operator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Oscar Operator' });
    expect(within(dialog).queryByRole('option', { name: 'Owner' })).not.toBeInTheDocument();
  });

  it("changes a member's role, and shows the API's refusal when there is one", async () => {
    const CHANGE = `PATCH ${API}/org/members/${operator.id}/role`;
    const api = membersApi('owner', {
      [CHANGE]: (request) => ((request.body as { role: string }).role === 'owner' ? errorAnswer(403, 'Only an owner can grant or remove the owner role') : ok({ ...operator, role: 'admin' })),
    });
    const { user } = renderRoute('/app/members');

    await user.click(within(await rowOf('Oscar Operator')).getByRole('button', { name: 'Change the role of Oscar Operator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Oscar Operator' });
    expect(within(dialog).getByText(/Their sessions end/)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Owner');
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only an owner can grant or remove the owner role');

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Admin');
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));

    expect(await screen.findByText('Role changed')).toBeInTheDocument();
    expect(api.to(CHANGE).map((request) => request.body)).toEqual([{ role: 'owner' }, { role: 'admin' }]);
  });

  it('removes a member after confirmation', async () => {
    const REMOVE = `DELETE ${API}/org/members/${operator.id}`;
    const api = membersApi('admin', { [REMOVE]: { status: 204 } });
    const { user } = renderRoute('/app/members');

    await user.click(within(await rowOf('Oscar Operator')).getByRole('button', { name: 'More actions for Oscar Operator' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove from the organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove member' });
    expect(dialog).toHaveTextContent('They lose access at once and their sessions end.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }));

    expect(await screen.findByText('Member removed')).toBeInTheDocument();
    expect(api.to(REMOVE)).toHaveLength(1);
  });

  it('transfers ownership after confirmation, then signs the former owner out', async () => {
    const TRANSFER = `POST ${API}/org/transfer-ownership`;
    const api = membersApi('owner', { [TRANSFER]: ok({ success: true }) });
    const { user, router } = renderRoute('/app/members');

    await user.click(within(await rowOf('Oscar Operator')).getByRole('button', { name: 'More actions for Oscar Operator' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Transfer ownership' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer ownership' });
    expect(dialog).toHaveTextContent('You become an admin');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer ownership' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to your organization' })).toBeInTheDocument();
    expect(screen.getByText('Ownership transferred')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.to(TRANSFER)[0].body).toEqual({ user_id: operator.id });
  });

  it('shows a load error with a retry', async () => {
    const api = membersApi('owner', { [LIST]: errorAnswer(403, 'Forbidden resource') });
    const { user } = renderRoute('/app/members');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Members could not be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(api.to(LIST)).toHaveLength(2));
  });
});
