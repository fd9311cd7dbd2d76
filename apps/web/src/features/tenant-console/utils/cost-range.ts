/** The date ranges the dashboard offers, in days ending yesterday. */
export const COST_RANGE_DAYS = [7, 30, 90] as const;
export type CostRangeDays = (typeof COST_RANGE_DAYS)[number];
export const DEFAULT_COST_RANGE: CostRangeDays = 30;

/** Whole days (YYYY-MM-DD, UTC, as cost rows are dated) from `from` to `to`, both included. */
export type DayRange = { from: string; to: string };

const DAY_MILLISECONDS = 86_400_000;

// Providers bill a day late: today has no costs yet, and would show as a drop to zero at the end of every chart.
export function lastDays(days: number, now = new Date()): DayRange {
  const today = Date.parse(now.toISOString().slice(0, 10));
  const day = (daysAgo: number) => new Date(today - daysAgo * DAY_MILLISECONDS).toISOString().slice(0, 10);
  return { from: day(days), to: day(1) };
}

/** The range in the address (`?days=90`), or the default one. */
export function rangeDaysFrom(value: string | null): CostRangeDays {
  return COST_RANGE_DAYS.find((days) => String(days) === value) ?? DEFAULT_COST_RANGE;
}
