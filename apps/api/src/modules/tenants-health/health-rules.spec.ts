import { judgeHealth } from './health-rules';

describe('judgeHealth (SPEC §5)', () => {
  it.each([
    // calls, errors, baseline → health
    [20, 2, 0, 'critical'], // 10% at the minimum volume
    [19, 19, 0, 'unknown'], // too few calls to judge, whatever the errors
    [100, 9, 0, 'warning'], // 9% is under the critical line
    [100, 10, 0, 'critical'],
    [100, 2, 0, 'warning'], // exactly 2%
    [100, 1, 0, 'healthy'],
    [0, 0, 20, 'critical'], // silence after a busy week
    [0, 0, 19.9, 'unknown'],
    [9, 0, 20, 'warning'], // fewer than half the baseline
    [10, 0, 20, 'unknown'], // exactly half: not below it, and too few calls to call it healthy
    [30, 0, 61, 'warning'],
    [30, 0, 60, 'healthy'],
    [0, 0, 0, 'unknown'],
  ])('%i calls, %i errors, baseline %d a day → %s', (calls, errors, baseline, expected) => {
    expect(judgeHealth({ calls, errors, baseline }).health).toBe(expected);
  });

  it('reports the error rate as a percentage with two decimals, or null without calls', () => {
    expect(judgeHealth({ calls: 800, errors: 100, baseline: 0 }).errorRate).toBe(12.5);
    expect(judgeHealth({ calls: 3, errors: 1, baseline: 0 }).errorRate).toBe(33.33);
    expect(judgeHealth({ calls: 0, errors: 0, baseline: 50 }).errorRate).toBeNull();
  });

  it('says which rule fired', () => {
    expect(judgeHealth({ calls: 1000, errors: 124, baseline: 900 }).reason).toBe('error rate 12.4% ≥ 10% over 1000 calls in 24 h');
    expect(judgeHealth({ calls: 0, errors: 0, baseline: 42 }).reason).toContain('no calls in 24 h');
  });

  it('takes its thresholds from configuration', () => {
    expect(judgeHealth({ calls: 100, errors: 5, baseline: 0 }, { minimumCalls: 20, criticalErrorRate: 5, warningErrorRate: 1, warningTrafficDrop: 0.5 }).health).toBe('critical');
  });
});
