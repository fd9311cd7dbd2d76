import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { ORG_PLANS, ORG_STATUSES, type OrgPlan, type OrgStatus } from '@keel/shared';
import { useState, type FormEvent } from 'react';
import { ORG_STATUS, PLAN } from '../utils/labels';
import type { OrgListView } from '../utils/org-list-params';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...ORG_STATUSES.map((status) => ({ value: status, label: ORG_STATUS[status].label }))];
const PLAN_OPTIONS = [{ value: '', label: 'Any plan' }, ...ORG_PLANS.map((plan) => ({ value: plan, label: PLAN[plan].label }))];

type OrgListFiltersProps = { view: OrgListView; onChange: (changes: Partial<OrgListView>) => void };

/** Search (sent on Enter or Search, not per key) and the status and plan filters (applied at once). */
export function OrgListFilters({ view, onChange }: OrgListFiltersProps) {
  const [search, setSearch] = useState(view.search);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ search: search.trim() });
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" role="search" aria-label="Find organizations" onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name, slug or ID"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          spellCheck={false}
          style={{ flex: '1 1 240px' }}
        />
        <Button type="submit" variant="default">
          Search
        </Button>
        <NativeSelect label="Status" data={STATUS_OPTIONS} value={view.status} onChange={(event) => onChange({ status: event.currentTarget.value as OrgStatus | '' })} />
        <NativeSelect label="Plan" data={PLAN_OPTIONS} value={view.plan} onChange={(event) => onChange({ plan: event.currentTarget.value as OrgPlan | '' })} />
      </Group>
    </Paper>
  );
}
