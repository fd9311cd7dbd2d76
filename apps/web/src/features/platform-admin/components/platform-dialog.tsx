import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

type PlatformDialogProps = { opened: boolean; onClose: () => void; title: string; size?: ModalProps['size']; children: ReactNode };

/**
 * A dialog of the platform console. Its body is mounted only while open, so every opening starts
 * with empty fields; its close button has a name for screen readers.
 */
export function PlatformDialog({ opened, onClose, title, size, children }: PlatformDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered closeButtonProps={{ 'aria-label': 'Close the dialog' }}>
      {opened && children}
    </Modal>
  );
}
