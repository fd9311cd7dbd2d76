export type TenantHealth = 'healthy' | 'warning' | 'critical' | 'unknown';

export interface HealthThresholds {
  /** Calls in 24 h (or baseline calls per day) below which nothing is concluded. */
  minimumCalls: number;
  /** Error rate (percent) from which an org is critical. */
  criticalErrorRate: number;
  /** Error rate (percent) from which an org is in warning. */
  warningErrorRate: number;
  /** Calls below this fraction of the baseline put an org in warning. */
  warningTrafficDrop: number;
}

/** Worst first: the support console's default order. */
export const SEVERITY_RANK: Record<TenantHealth, number> = { critical: 0, warning: 1, unknown: 2, healthy: 3 };

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = { minimumCalls: 20, criticalErrorRate: 10, warningErrorRate: 2, warningTrafficDrop: 0.5 };

export interface HealthSignals {
  /** Calls in the last 24 h. */
  calls: number;
  /** Calls answered with status ≥ 500 in the last 24 h. */
  errors: number;
  /** Mean calls per day over the 7 days before. */
  baseline: number;
}

export interface HealthVerdict {
  health: TenantHealth;
  /** The percentage, two decimals (12.5 = 12.5%); null without calls. */
  errorRate: number | null;
  /** Which rule fired, in words staff can act on. */
  reason: string;
}

/** SPEC §5: critical, then warning, then healthy; unknown when there is too little traffic to judge. */
export function judgeHealth(signals: HealthSignals, thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): HealthVerdict {
  const { calls, errors, baseline } = signals;
  const errorRate = calls > 0 ? Math.round((errors / calls) * 10_000) / 100 : null;
  const rate = calls > 0 ? (errors / calls) * 100 : 0;
  const enoughCalls = calls >= thresholds.minimumCalls;
  const busyBaseline = baseline >= thresholds.minimumCalls;
  const percent = (value: number) => `${Math.round(value * 100) / 100}%`;
  const perDay = (value: number) => Math.round(value * 10) / 10;

  if (enoughCalls && rate >= thresholds.criticalErrorRate) {
    return { health: 'critical', errorRate, reason: `error rate ${percent(rate)} ≥ ${thresholds.criticalErrorRate}% over ${calls} calls in 24 h` };
  }
  if (busyBaseline && calls === 0) {
    return { health: 'critical', errorRate, reason: `no calls in 24 h after a baseline of ${perDay(baseline)} calls a day` };
  }
  if (enoughCalls && rate >= thresholds.warningErrorRate) {
    return { health: 'warning', errorRate, reason: `error rate ${percent(rate)} ≥ ${thresholds.warningErrorRate}% over ${calls} calls in 24 h` };
  }
  if (busyBaseline && calls < baseline * thresholds.warningTrafficDrop) {
    return { health: 'warning', errorRate, reason: `${calls} calls in 24 h, below half the baseline of ${perDay(baseline)} a day` };
  }
  if (enoughCalls) return { health: 'healthy', errorRate, reason: `error rate ${percent(rate)} over ${calls} calls in 24 h` };
  return { health: 'unknown', errorRate, reason: `too little traffic to judge (${calls} calls in 24 h, baseline ${perDay(baseline)} a day)` };
}
