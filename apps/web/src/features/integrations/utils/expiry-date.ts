/** Today in the reader's time zone as `YYYY-MM-DD`, the format of a date input. */
export function localDateInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The `expires_at` of a key that should work through the whole chosen day (`YYYY-MM-DD`) in the
 * reader's time zone: the last second of that day, as an ISO timestamp.
 */
export function endOfLocalDay(dateInputValue: string): string {
  const [year, month, day] = dateInputValue.split('-').map(Number);
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}

/** A date input value after today, as an expiry must be: `YYYY-MM-DD` strings sort like dates. */
export function isAfterToday(dateInputValue: string, now = new Date()): boolean {
  return dateInputValue > localDateInputValue(now);
}
