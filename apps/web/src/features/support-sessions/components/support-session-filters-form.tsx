import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { STATUS_DISPLAY, SUPPORT_SESSION_STATUSES } from '../utils/support-session-labels';
import { hasFilters, isUuid, NO_FILTERS, type SupportSessionFilters } from '../utils/support-session-filters';

type SupportSessionFiltersFormProps = {
  applied: SupportSessionFilters;
  /** Staff may narrow the list to one organization; an org's own list has nothing to narrow. */
  withOrganization: boolean;
  onApply: (filters: SupportSessionFilters) => void;
};

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...SUPPORT_SESSION_STATUSES.map((status) => ({ value: status, label: STATUS_DISPLAY[status].label }))];

/** The status applies at once; an organization ID on submit, once it is a whole ID. */
export function SupportSessionFiltersForm({ applied, withOrganization, onApply }: SupportSessionFiltersFormProps) {
  const [orgId, setOrgId] = useState(applied.orgId);
  const [orgIdError, setOrgIdError] = useState<string>();

  // The API refuses anything but a UUID: say so beside the field instead of showing its 400.
  function checkedOrgId(): string | undefined {
    const trimmed = orgId.trim();
    if (trimmed && !isUuid(trimmed)) {
      setOrgIdError('Enter a complete organization ID (a UUID)');
      return undefined;
    }
    setOrgIdError(undefined);
    return trimmed;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkedOrgId();
    if (checked !== undefined) onApply({ ...applied, orgId: checked });
  }

  function selectStatus(status: SupportSessionFilters['status']) {
    const checked = checkedOrgId();
    onApply({ ...applied, status, orgId: checked ?? applied.orgId });
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" role="search" aria-label="Filter support sessions" onSubmit={handleSubmit} noValidate>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label="Status"
          data={STATUS_OPTIONS}
          value={applied.status}
          onChange={(event) => selectStatus(event.currentTarget.value as SupportSessionFilters['status'])}
        />
        {withOrganization && (
          <>
            <TextInput
              label="Organization ID"
              placeholder="e.g. 3f2b…"
              value={orgId}
              onChange={(event) => setOrgId(event.currentTarget.value)}
              error={orgIdError}
              spellCheck={false}
              autoComplete="off"
              maxLength={36}
              style={{ flex: '1 1 22rem' }}
            />
            <Button type="submit">
              Apply
            </Button>
          </>
        )}
        {hasFilters(applied) && (
          <Button variant="default" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
