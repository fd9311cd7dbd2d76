import type { StaffUserDto } from '@keel/api-client';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { restoredSession, staffUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';
import { ok, page } from '../testing/platform-fixtures';

const STAFF = 'GET /api/v1/platform/users';
const INVITE = 'POST /api/v1/platform/users';
const me = staffUser();

function staff(overrides: Partial<StaffUserDto> = {}): StaffUserDto {
  return {
    id: '99999999-9999-4999-8999-999999999991',
    email: 'sam@keel.test',
    name: 'Sam Support',
    role: 'support_admin',
    status: 'active',
    mfa_enabled: true,
    last_login_at: '2026-11-30T08:00:00.000Z',
    created_at: '2026-06-01T08:00:00.000Z',
    ...overrides,
  };
}

const ME = staff({ id: me.id, email: me.email, name: me.name, role: 'super_admin' });
const SAM = staff();
const DORA = staff({ id: '99999999-9999-4999-8999-999999999992', email: 'dora@keel.test', name: 'Dora Disabled', status: 'disabled' });

describe('StaffPage', () => {
  it('lists the staff, marks the signed-in one, and offers nothing on disabled accounts', async () => {
    const api = mockApi({ ...restoredSession('platform', me), [STAFF]: page([ME, SAM, DORA]) });
    renderRoute('/platform/staff');

    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    expect(api.to(STAFF)[0].query).toEqual({ page: '1', limit: '50' });
    const [mine, sam, dora] = within(table).getAllByRole('row').slice(1);
    expect(mine).toHaveTextContent('You');
    expect(mine).toHaveTextContent('Super admin');
    expect(sam).toHaveTextContent('Support admin');
    expect(within(sam).getByRole('button', { name: 'Make sam@keel.test a super admin' })).toBeInTheDocument();
    expect(dora).toHaveTextContent('Disabled');
    expect(within(dora).queryByRole('button')).not.toBeInTheDocument();
  });

  it('invites a staff member with a role', async () => {
    const api = mockApi({ ...restoredSession('platform', me), [STAFF]: page([ME]), [INVITE]: ok(staff({ email: 'new@keel.test', status: 'invited' }), 201) });
    const { user } = renderRoute('/platform/staff');
    await screen.findByRole('table', { name: 'Staff accounts' });

    await user.click(screen.getByRole('button', { name: 'Invite staff member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite staff member' });
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(within(dialog).getByText('Enter an e-mail address')).toBeInTheDocument();
    expect(api.to(INVITE)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'new@keel.test');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Nia New');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role' }), 'Super admin');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent')).toBeInTheDocument();
    expect(api.to(INVITE)[0].body).toEqual({ email: 'new@keel.test', name: 'Nia New', role: 'super_admin' });
    expect(api.to(STAFF).length).toBeGreaterThan(1);
  });

  it('changes a role after a confirmation', async () => {
    const api = mockApi({
      ...restoredSession('platform', me),
      [STAFF]: page([ME, SAM]),
      [`PATCH /api/v1/platform/users/${SAM.id}/role`]: ok({ ...SAM, role: 'super_admin' }),
    });
    const { user } = renderRoute('/platform/staff');

    await user.click(await screen.findByRole('button', { name: 'Make sam@keel.test a super admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change role' });
    expect(dialog).toHaveTextContent('sam@keel.test becomes a super admin with access to everything under Platform. Their sessions end');
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));

    expect(await screen.findByText('sam@keel.test is now a super admin; their sessions have ended.')).toBeInTheDocument();
    expect(api.to(`PATCH /api/v1/platform/users/${SAM.id}/role`)[0].body).toEqual({ role: 'super_admin' });
  });

  it('shows clearly why the API refuses to disable the last active super admin', async () => {
    const api = mockApi({
      ...restoredSession('platform', me),
      [STAFF]: page([ME, SAM]),
      [`POST /api/v1/platform/users/${ME.id}/disable`]: errorAnswer(409, 'Cannot disable the last active super_admin'),
    });
    const { user } = renderRoute('/platform/staff');

    await user.click(await screen.findByRole('button', { name: `Disable ${ME.email}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable staff member' });
    expect(dialog).toHaveTextContent('This is your own account: you will be signed out.');
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Disable failed');
    expect(alert).toHaveTextContent('Cannot disable the last active super_admin');
    expect(api.to(`POST /api/v1/platform/users/${ME.id}/disable`)[0].body).toEqual({});
  });

  it('shows a failure to load with a way to try again', async () => {
    mockApi({ ...restoredSession('platform', me), [STAFF]: errorAnswer(403, 'Only a super_admin may do this') });
    renderRoute('/platform/staff');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Staff could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
