import { Code, DataList, Tabs } from '@mantine/core';
import type { OutboxMessageDto } from '@keel/api-client';
import { formatDateTime } from '../../../lib/format';
import { FormDialog } from '../../../components/ui/form-dialog';

/**
 * One message as its recipient would get it: the plain text first, the HTML part on request, in an
 * iframe with an empty `sandbox` (no scripts, no forms, no navigation of this page, an opaque
 * origin) whatever the mail holds.
 */
export function OutboxMessageDialog({ message, onClose }: { message: OutboxMessageDto | null; onClose: () => void }) {
  return (
    <FormDialog opened={message !== null} onClose={onClose} title={message?.subject ?? 'Message'} size="xl">
      {message && (
        <>
          <DataList labelWidth={90} mb="md">
            <DataList.Item>
              <DataList.ItemLabel>To</DataList.ItemLabel>
              <DataList.ItemValue>{message.to}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Queued</DataList.ItemLabel>
              <DataList.ItemValue>{formatDateTime(message.created_at)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          {/* keepMounted off: the frame exists only while its tab is shown. */}
          <Tabs defaultValue="text" keepMounted={false}>
            <Tabs.List aria-label="Parts of the message">
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
              <Tabs.Tab value="html">HTML</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="text" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {message.text}
              </Code>
            </Tabs.Panel>
            <Tabs.Panel value="html" pt="sm">
              <iframe
                sandbox=""
                srcDoc={message.html}
                title={`HTML of “${message.subject}”`}
                style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', background: 'white' }}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </FormDialog>
  );
}
