import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { LifebuoyIcon } from '../../../components/ui/icons';
import { CreateSupportSessionDialog } from './create-support-session-dialog';

type CreateSupportSessionButtonProps = { orgId: string; orgName: string } & Pick<ButtonProps, 'size' | 'variant'>;

/** "Create support session" for one org, wherever staff meet it: a tenant health row, a tenant's page. */
export function CreateSupportSessionButton({ orgId, orgName, size, variant }: CreateSupportSessionButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} leftSection={size?.startsWith('compact') ? undefined : <LifebuoyIcon />} aria-label={`Create support session for ${orgName}`} onClick={() => setOpened(true)}>
        Create support session
      </Button>
      <CreateSupportSessionDialog orgId={orgId} orgName={orgName} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
