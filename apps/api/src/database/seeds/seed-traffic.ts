import type { SeededRandom } from './seed-random';

/**
 * The shape of an org's tenant API traffic over the seeded 8 days, chosen so that the health rules
 * (SPEC §5: last 24 h against the 7 days before) put it in a known class:
 * - healthy: steady calls, well under 2% server errors;
 * - warning_errors: 4–6% server errors for the last 30 hours; warning_drop: traffic down to a
 *   quarter of normal for the last 34 hours;
 * - critical_errors: 15–30% server errors for the last 30 hours; critical_silent: a busy week,
 *   then nothing for the last 34 hours;
 * - quiet: a couple of calls a day (unknown: too little data); none: no traffic at all (unknown).
 * Anomalies start hours before the 24-hour window, so the class holds however the window is cut.
 */
export const TRAFFIC_PROFILES = ['healthy', 'warning_errors', 'warning_drop', 'critical_errors', 'critical_silent', 'quiet', 'none'] as const;
export type TrafficProfile = (typeof TRAFFIC_PROFILES)[number];

/** The health class each profile produces. */
export const EXPECTED_HEALTH: Record<TrafficProfile, 'healthy' | 'warning' | 'critical' | 'unknown'> = {
  healthy: 'healthy',
  warning_errors: 'warning',
  warning_drop: 'warning',
  critical_errors: 'critical',
  critical_silent: 'critical',
  quiet: 'unknown',
  none: 'unknown',
};

export interface HourlyUsage {
  hour: Date;
  calls: number;
  errors: number;
  clientErrors: number;
  lastSeenAt: Date;
}

const HOUR_MILLISECONDS = 3_600_000;
/** 8 days of hourly buckets up to the current hour, plus one so that the 7-day baseline is whole. */
export const USAGE_HOURS = 8 * 24 + 1;
const ERROR_SPIKE_HOURS = 30;
const OUTAGE_HOURS = 34;
// Relative traffic per UTC hour of the day: office hours in Europe and the Americas.
const DIURNAL = [0.45, 0.4, 0.35, 0.35, 0.4, 0.5, 0.7, 0.9, 1.1, 1.25, 1.35, 1.4, 1.4, 1.4, 1.45, 1.45, 1.4, 1.3, 1.15, 1.0, 0.85, 0.7, 0.6, 0.5];

/**
 * Hourly usage rows for one org: `callsPerHour` is its typical traffic (the busiest hours see
 * about 1.4 times as much, nights and weekends less). Hours without calls have no row, as in the
 * metering table.
 */
export function hourlyUsage(profile: TrafficProfile, callsPerHour: number, now: Date, random: SeededRandom): HourlyUsage[] {
  if (profile === 'none') return [];
  const nowMilliseconds = now.getTime();
  const currentHour = nowMilliseconds - (nowMilliseconds % HOUR_MILLISECONDS);
  const rows: HourlyUsage[] = [];
  for (let hoursAgo = USAGE_HOURS - 1; hoursAgo >= 0; hoursAgo -= 1) {
    const start = currentHour - hoursAgo * HOUR_MILLISECONDS;
    const elapsed = Math.min(HOUR_MILLISECONDS, nowMilliseconds - start + 1);
    const date = new Date(start);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    let expected = callsPerHour * DIURNAL[date.getUTCHours()] * (weekend ? 0.6 : 1) * random.between(0.8, 1.2) * (elapsed / HOUR_MILLISECONDS);
    let errorRate = random.between(0.001, 0.006);
    if (profile === 'quiet') expected = random.chance(0.06) ? random.integer(1, 3) : 0;
    if (profile === 'critical_silent' && hoursAgo < OUTAGE_HOURS) expected = 0;
    if (profile === 'warning_drop' && hoursAgo < OUTAGE_HOURS) expected *= 0.25;
    if (profile === 'warning_errors' && hoursAgo < ERROR_SPIKE_HOURS) errorRate = random.between(0.04, 0.06);
    if (profile === 'critical_errors' && hoursAgo < ERROR_SPIKE_HOURS) errorRate = random.between(0.15, 0.3);
    const calls = stochasticRound(expected, random);
    if (calls === 0) continue;
    rows.push({
      hour: date,
      calls,
      errors: Math.min(calls, stochasticRound(calls * errorRate, random)),
      clientErrors: Math.min(calls, stochasticRound(calls * random.between(0.01, 0.04), random)),
      lastSeenAt: new Date(start + Math.floor(elapsed * random.between(0.85, 1) - 1)),
    });
  }
  return rows;
}

// Rounds up with probability equal to the fraction, so that sums stay unbiased.
function stochasticRound(value: number, random: SeededRandom): number {
  const floor = Math.floor(value);
  return floor + (random.chance(value - floor) ? 1 : 0);
}
