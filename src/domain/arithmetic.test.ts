import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, fromMilli, proportionalSlice, roundFraction, toMilli } from './arithmetic.ts';

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('roundFraction', () => {
  it('returns the exact quotient whatever the mode when nothing is left over', () => {
    for (const mode of ['floor', 'half_up', 'ceil'] as const) expect(roundFraction(1700n, 100n, mode)).toBe(17n);
  });

  it('floor drops any fraction', () => {
    expect(roundFraction(1752n, 100n, 'floor')).toBe(17n);
    expect(roundFraction(1799n, 100n, 'floor')).toBe(17n);
  });

  it('ceil takes the next point for any fraction', () => {
    expect(roundFraction(1701n, 100n, 'ceil')).toBe(18n);
    expect(roundFraction(1n, 1000n, 'ceil')).toBe(1n);
  });

  it('half_up rounds half and above up, below half down', () => {
    expect(roundFraction(1749n, 100n, 'half_up')).toBe(17n);
    expect(roundFraction(1750n + 1n, 100n, 'half_up')).toBe(18n);
    expect(roundFraction(35n, 2n, 'half_up')).toBe(18n); // exactly 17.5
    expect(roundFraction(5n, 3n, 'half_up')).toBe(2n);
    expect(roundFraction(4n, 3n, 'half_up')).toBe(1n);
  });

  it('rounds zero to zero', () => {
    for (const mode of ['floor', 'half_up', 'ceil'] as const) expect(roundFraction(0n, 7n, mode)).toBe(0n);
  });

  it('stays between floor and ceil of the true value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const lo = roundFraction(n, d, 'floor');
        const hi = roundFraction(n, d, 'ceil');
        const mid = roundFraction(n, d, 'half_up');
        expect(lo * d <= n && n < (lo + 1n) * d).toBe(true);
        expect(hi - lo).toBe(n % d === 0n ? 0n : 1n);
        expect(mid >= lo && mid <= hi).toBe(true);
      }),
    );
  });
});

describe('allocate', () => {
  it('splits in proportion to the weights when the division is exact', () => {
    expect(allocate(100n, [1n, 3n])).toEqual([25n, 75n]);
    expect(allocate(60n, [10n, 20n, 30n])).toEqual([10n, 20n, 30n]);
  });

  it('gives the leftover units to the largest remainders', () => {
    // 10 * 2/7 = 2.86, 10 * 5/7 = 7.14 -> the first part has the larger remainder
    expect(allocate(10n, [2n, 5n])).toEqual([3n, 7n]);
  });

  it('breaks ties in favour of the earlier part', () => {
    expect(allocate(1n, [1n, 1n, 1n])).toEqual([1n, 0n, 0n]);
    expect(allocate(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(allocate(5n, [2n, 2n])).toEqual([3n, 2n]);
  });

  it('gives nothing to zero weights', () => {
    expect(allocate(7n, [0n, 3n, 0n, 4n])).toEqual([0n, 3n, 0n, 4n]);
    expect(allocate(5n, [0n, 1n, 0n])).toEqual([0n, 5n, 0n]);
  });

  it('returns zeros when there is nothing to split or no weight', () => {
    expect(allocate(0n, [3n, 4n])).toEqual([0n, 0n]);
    expect(allocate(9n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocate(9n, [])).toEqual([]);
  });

  it('always adds up to the total and keeps each part within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const w = sum(weights);
          expect(parts).toHaveLength(weights.length);
          if (w === 0n) {
            expect(parts.every((p) => p === 0n)).toBe(true);
            return;
          }
          expect(sum(parts)).toBe(total);
          parts.forEach((p, i) => {
            const exact = total * (weights[i] as bigint);
            expect(p).toBeGreaterThanOrEqual(roundFraction(exact, w, 'floor'));
            expect(p).toBeLessThanOrEqual(roundFraction(exact, w, 'ceil'));
          });
        },
      ),
    );
  });
});

describe('proportionalSlice', () => {
  it('gives the proportional share of a slice of units', () => {
    expect(proportionalSlice(1000, 4, 0, 1)).toBe(250);
    expect(proportionalSlice(1000, 4, 1, 3)).toBe(500);
    expect(proportionalSlice(1000, 4, 0, 4)).toBe(1000);
  });

  it('lets slices of 1/3 add up to the whole amount', () => {
    const parts = [proportionalSlice(100, 3, 0, 1), proportionalSlice(100, 3, 1, 2), proportionalSlice(100, 3, 2, 3)];
    expect(parts).toEqual([33, 33, 34]);
    expect(parts.reduce((a, b) => a + b)).toBe(100);
  });

  it('is empty for an empty slice', () => {
    expect(proportionalSlice(999, 7, 3, 3)).toBe(0);
  });

  it('cumulative slices of any split add up exactly to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 10 }),
        (amount, count, cuts) => {
          const points = [0, ...cuts.map((c) => c % (count + 1)).sort((a, b) => a - b), count];
          let total = 0;
          for (let i = 1; i < points.length; i++) {
            const share = proportionalSlice(amount, count, points[i - 1] as number, points[i] as number);
            expect(share).toBeGreaterThanOrEqual(0);
            total += share;
          }
          expect(total).toBe(amount);
        },
      ),
    );
  });
});

describe('quantities in thousandths', () => {
  it('reads decimal kilograms as whole thousandths without float noise', () => {
    expect(toMilli(0.756)).toBe(756);
    expect(toMilli(1.005)).toBe(1005);
    expect(toMilli(2)).toBe(2000);
    expect(fromMilli(756)).toBe(0.756);
  });
});
