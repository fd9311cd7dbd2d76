import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { NO_FILTERS, PAGE_SIZES, validateFilters, type AuditFilterErrors, type AuditFilters, type AuditLogKind } from '../utils/audit-filters';

type AuditFiltersFormProps = {
  log: AuditLogKind;
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
};

/** The filters, edited as a draft and applied together, so that typing does not fire a request per key. */
export function AuditFiltersForm({ log, applied, onApply }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [errors, setErrors] = useState<AuditFilterErrors>({});
  const set = (field: keyof AuditFilters) => (event: { currentTarget: { value: string } }) => {
    // Read now: React clears currentTarget before a state updater runs.
    const value = event.currentTarget.value;
    setDraft((current) => ({ ...current, [field]: field === 'pageSize' ? Number(value) : value }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = { ...draft, action: draft.action.trim(), actorId: draft.actorId.trim(), orgId: draft.orgId.trim() };
    const found = validateFilters(trimmed);
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(trimmed);
  }

  function clear() {
    const cleared = { ...NO_FILTERS, pageSize: draft.pageSize };
    setDraft(cleared);
    setErrors({});
    onApply(cleared);
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={handleSubmit} aria-label="Filter the audit log" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: log === 'platform' ? 6 : 5 }} spacing="sm">
        <TextInput label="Action" placeholder={log === 'platform' ? 'platform.login' : 'user.login'} value={draft.action} onChange={set('action')} error={errors.action} spellCheck={false} />
        <TextInput label="Actor ID" placeholder="UUID" value={draft.actorId} onChange={set('actorId')} error={errors.actorId} spellCheck={false} />
        {log === 'platform' && (
          <TextInput label="Organization ID" placeholder="UUID" value={draft.orgId} onChange={set('orgId')} error={errors.orgId} spellCheck={false} />
        )}
        <TextInput label="From" type="date" value={draft.from} onChange={set('from')} />
        <TextInput label="To" type="date" value={draft.to} onChange={set('to')} error={errors.to} />
        <NativeSelect label="Per page" value={String(draft.pageSize)} onChange={set('pageSize')} data={PAGE_SIZES.map(String)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button variant="default" onClick={clear}>
          Clear filters
        </Button>
        <Button type="submit">Apply filters</Button>
      </Group>
    </Paper>
  );
}
