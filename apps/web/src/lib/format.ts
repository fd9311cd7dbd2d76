const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const numberFormat = new Intl.NumberFormat();

/** A timestamp of the API (ISO 8601, UTC) in the reader's own time zone and language. */
export function formatDateTime(isoTimestamp: string): string {
  return dateTimeFormat.format(new Date(isoTimestamp));
}

export function formatCount(count: number): string {
  return numberFormat.format(count);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A calendar date of the API (`YYYY-MM-DD`, or the date part of a timestamp), as written in UTC. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate));
}

/** An amount of money in its currency, e.g. `$1,234.50`. Amounts arrive as strings or numbers. */
export function formatMoney(amount: number | string, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
}

/** A percentage the API gives as a number (12.5 means 12.5%); `null` reads as a dash. */
export function formatPercent(percent: number | null | undefined): string {
  return percent == null ? '–' : `${percentFormat.format(percent)}%`;
}

/** How long ago (or how soon) a timestamp is, e.g. "5 minutes ago"; `null` reads as "never". */
export function formatRelative(isoTimestamp: string | null | undefined, now = Date.now()): string {
  if (!isoTimestamp) return 'never';
  const seconds = Math.round((new Date(isoTimestamp).getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  return relativeFormat.format(seconds, 'second');
}
