import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { ORG_STATUSES } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { HEALTH_CLASSES, HEALTH_DISPLAY, ORG_STATUS_LABELS } from '../utils/health-classes';
import { hasFilters, NO_FILTERS, type TenantHealthFilters } from '../utils/tenant-health-filters';

type TenantHealthFiltersFormProps = {
  applied: TenantHealthFilters;
  onApply: (filters: TenantHealthFilters) => void;
};

const HEALTH_OPTIONS = [{ value: '', label: 'Any health' }, ...HEALTH_CLASSES.map((health) => ({ value: health, label: HEALTH_DISPLAY[health].label }))];
const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...ORG_STATUSES.map((status) => ({ value: status, label: ORG_STATUS_LABELS[status] }))];

/** Search on submit (not a request per key); the selects apply at once, with whatever search is typed. */
export function TenantHealthFiltersForm({ applied, onApply }: TenantHealthFiltersFormProps) {
  const [draft, setDraft] = useState(applied);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, search: draft.search.trim() });
  }

  function select(field: 'health' | 'status', value: string) {
    const next = { ...draft, search: draft.search.trim(), [field]: value };
    setDraft(next);
    onApply(next);
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" role="search" aria-label="Filter tenants" onSubmit={handleSubmit}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search"
          placeholder="Tenant name or ID"
          value={draft.search}
          onChange={(event) => setDraft({ ...draft, search: event.currentTarget.value })}
          spellCheck={false}
          maxLength={200}
          style={{ flex: '1 1 16rem' }}
        />
        <NativeSelect label="Health" data={HEALTH_OPTIONS} value={draft.health} onChange={(event) => select('health', event.currentTarget.value)} />
        <NativeSelect label="Organization status" data={STATUS_OPTIONS} value={draft.status} onChange={(event) => select('status', event.currentTarget.value)} />
        <Button type="submit">Search</Button>
        {hasFilters(applied) && (
          <Button variant="default" onClick={() => onApply({ ...NO_FILTERS, sort: applied.sort })}>
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
