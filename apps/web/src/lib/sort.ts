export type SortDirection = 'ascending' | 'descending';
export type Sort<Field extends string> = { field: Field; direction: SortDirection };

/** Reads `name` or `-name` (descending), as the API and the address bar write a sort; null if not one of `fields`. */
export function parseSort<Field extends string>(value: string | null, fields: readonly Field[]): Sort<Field> | null {
  if (!value) return null;
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value) as Field;
  return fields.includes(field) ? { field, direction: descending ? 'descending' : 'ascending' } : null;
}

/** Writes a sort as the API and the address bar take it: the field, with a leading `-` when descending. */
export function formatSort<Field extends string>(sort: Sort<Field>): string {
  return `${sort.direction === 'descending' ? '-' : ''}${sort.field}`;
}

/** The sort after a click on `field`'s header: the same column flips, another starts ascending. */
export function nextSort<Field extends string>(current: Sort<Field>, field: Field): Sort<Field> {
  if (current.field !== field) return { field, direction: 'ascending' };
  return { field, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** Sorts rows on screen by one column (for lists the API does not sort); empty values go last either way. */
export function sortRows<Row, Field extends keyof Row & string>(rows: readonly Row[], sort: Sort<Field>): Row[] {
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((left, right) => {
    const a = left[sort.field];
    const b = right[sort.field];
    if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
    if (typeof a === 'number' && typeof b === 'number') return (a - b) * factor;
    return String(a).localeCompare(String(b)) * factor;
  });
}
