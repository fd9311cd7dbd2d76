import { Button, Menu } from '@mantine/core';
import type { OrgDetailDto } from '@keel/api-client';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { actionsFor, type OrgAction } from '../utils/org-actions';

const DESTRUCTIVE: OrgAction[] = ['reject', 'disable', 'delete'];
// Set apart at the end of the menu, so that they are not picked by a slip.
const DANGER_ZONE: OrgAction[] = ['disable', 'delete'];

function actionLabel(action: OrgAction, org: OrgDetailDto): string {
  const labels: Record<OrgAction, string> = {
    approve: 'Approve sign-up',
    reject: 'Reject sign-up',
    enable: 'Enable organization',
    restore: 'Restore organization',
    plan: 'Change plan',
    requireTwoFactor: org.require_2fa ? 'Stop requiring 2FA' : 'Require 2FA',
    contact: 'Contact admins',
    disable: 'Disable organization',
    delete: 'Delete organization',
  };
  return labels[action];
}

/** Only the actions valid in the org's status; each opens its dialog. */
export function OrgActionsMenu({ org, onSelect }: { org: OrgDetailDto; onSelect: (action: OrgAction) => void }) {
  const actions = actionsFor(org.status);
  if (actions.length === 0) return null;
  const dangerStart = actions.findIndex((action) => DANGER_ZONE.includes(action));
  return (
    // hideDetached off: the button is in view whenever its menu opens, and jsdom's 0×0 layout would read as detached.
    <Menu position="bottom-end" width={240} hideDetached={false}>
      <Menu.Target>
        <Button rightSection={<ChevronDownIcon size={16} />}>Actions</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action, index) => [
          index === dangerStart && index > 0 ? <Menu.Divider key={`${action}-divider`} /> : null,
          <Menu.Item key={action} color={DESTRUCTIVE.includes(action) ? 'red' : undefined} onClick={() => onSelect(action)}>
            {actionLabel(action, org)}
          </Menu.Item>,
        ])}
      </Menu.Dropdown>
    </Menu>
  );
}
