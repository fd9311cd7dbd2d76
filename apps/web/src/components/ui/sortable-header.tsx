import { Group, Table, UnstyledButton } from '@mantine/core';
import { ChevronDownIcon } from './icons';
import type { Sort } from '../../lib/sort';

type SortableHeaderProps<Field extends string> = {
  field: Field;
  label: string;
  sort: Sort<Field>;
  onSort: (field: Field) => void;
  numeric?: boolean;
};

/** A column header that sorts the table: a real button, and `aria-sort` on the sorted column. */
export function SortableHeader<Field extends string>({ field, label, sort, onSort, numeric }: SortableHeaderProps<Field>) {
  const active = sort.field === field;
  return (
    <Table.Th aria-sort={active ? sort.direction : undefined} ta={numeric ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(field)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : undefined}>
          {label}
          {/* The direction is in aria-sort; the arrow is for the eye only. */}
          <ChevronDownIcon
            size={14}
            style={{ visibility: active ? 'visible' : 'hidden', transform: active && sort.direction === 'ascending' ? 'rotate(180deg)' : undefined }}
          />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
