import { describe, expect, it } from 'vitest';
import { meanLift, shareLift } from './lift.ts';

describe('lift against the control group', () => {
  it('gives the difference of shares with Newcombe’s hybrid score interval, as his worked examples do', () => {
    // Newcombe (1998), "Interval estimation for the difference between independent proportions", Statistics in
    // Medicine 17:873–890, table II, method 10: 56/70 − 48/80 → 0.0524 to 0.3339; 9/10 − 3/10 → 0.1705 to 0.8090.
    const a = shareLift(56, 70, 48, 80)!;
    expect(a.difference).toBeCloseTo(0.2, 10);
    expect([a.low, a.high].map((x) => x.toFixed(4))).toEqual(['0.0524', '0.3339']);
    const b = shareLift(9, 10, 3, 10)!;
    expect([b.low, b.high].map((x) => x.toFixed(4))).toEqual(['0.1705', '0.8090']);
  });

  it('keeps an interval around no conversions at all, where the Wald interval would shrink to 0…0', () => {
    const none = shareLift(0, 1000, 0, 1000)!;
    expect(none.difference).toBe(0);
    expect(none.low).toBeLessThan(-0.003);
    expect(none.high).toBeGreaterThan(0.003);
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
