const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const numberFormat = new Intl.NumberFormat();

/** A timestamp of the API (ISO 8601, UTC) in the reader's own time zone and language. */
export function formatDateTime(isoTimestamp: string): string {
  return dateTimeFormat.format(new Date(isoTimestamp));
}

export function formatCount(count: number): string {
  return numberFormat.format(count);
}
