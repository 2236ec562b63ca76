import { describe, expect, it } from 'vitest';
import { meanLift, shareLift } from './lift.ts';

describe('lift against the control group', () => {
  it('gives the difference of shares with the Wald interval', () => {
    // 120 of 1,000 against 80 of 1,000: p = 0.12, q = 0.08, se = sqrt(0.12·0.88/1000 + 0.08·0.92/1000) = 0.0133866
    const lift = shareLift(120, 1000, 80, 1000)!;
    expect(lift.difference).toBeCloseTo(0.04, 10);
    expect(lift.low).toBeCloseTo(0.04 - 1.959964 * 0.0133866, 5);
    expect(lift.high).toBeCloseTo(0.04 + 1.959964 * 0.0133866, 5);
  });

  it('gives the difference of means with Welch’s standard error', () => {
    // group: 0, 0, 300, 500 → mean 200, variance (0+0+90000+250000 − 4·40000)/3 = 60000; control: 0, 100 → mean 50, variance 5000
    const lift = meanLift({ members: 4, sum: 800, sumOfSquares: 340_000 }, { members: 2, sum: 100, sumOfSquares: 10_000 })!;
    const se = Math.sqrt(60_000 / 4 + 5_000 / 2);
    expect(lift.difference).toBe(150);
    expect(lift.low).toBeCloseTo(150 - 1.959964 * se, 6);
    expect(lift.high).toBeCloseTo(150 + 1.959964 * se, 6);
  });

  it('has nothing to say about an empty group', () => {
    expect(shareLift(0, 0, 5, 100)).toBeNull();
    expect(meanLift({ members: 1, sum: 5, sumOfSquares: 25 }, { members: 10, sum: 0, sumOfSquares: 0 })).toBeNull();
  });
});
