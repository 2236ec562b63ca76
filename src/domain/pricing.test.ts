import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceReceipt, type PricingInput, type ReceiptLine } from './pricing.ts';
import { defaultSettings, tierSchema, type ProgramSettings, type Tier } from './settings.ts';
import { line } from './fixtures.test-support.ts';


const settingsWith = (over: Partial<ProgramSettings> = {}): ProgramSettings => ({ ...defaultSettings(), ...over });
const tier = (over: Partial<Tier>): Tier => tierSchema.parse({ code: 'gold', name: 'Gold', threshold: 0, ...over });

type Input = Omit<Partial<PricingInput>, 'settings'> & { settings?: Partial<ProgramSettings> };
const price = (lines: ReceiptLine[], input: Input = {}) =>
  priceReceipt({ tier: null, pointsToSpend: 0, availablePoints: 1000, ...input, lines, settings: settingsWith(input.settings) });

function priced(lines: ReceiptLine[], input: Input = {}) {
  const result = price(lines, input);
  if (!result.ok) throw new Error(`expected a priced receipt, got ${result.code}: ${result.message}`);
  return result;
}

describe('earning', () => {
  it('earns the programme percent of the paid amount, 5% by default', () => {
    // 5% of 350.44 RUB = 17.52 RUB -> 17 points at 1 RUB a point, floor
    const r = priced([line('MILK', 20000), line('APPLES', 15044, { quantity: 0.756, price: 19900 })]);
    expect(r.total).toBe(35044);
    expect(r.pointsEarned).toBe(17);
    expect(r.lines.map((l) => l.pointsEarned).reduce((a, b) => a + b)).toBe(17);
  });

  it.each([
    ['floor', 35000, 17],
    ['half_up', 35000, 18],
    ['ceil', 35000, 18],
    ['floor', 34900, 17],
    ['half_up', 34900, 17],
    ['ceil', 34900, 18],
    ['ceil', 34000, 17],
  ] as const)('rounds with the programme mode %s: %i kopecks earn %i points', (rounding, amount, points) => {
    expect(priced([line('TV', amount)], { settings: { rounding } }).pointsEarned).toBe(points);
  });

  it('rounds once for the whole receipt, not line by line', () => {
    // each line earns 0.995 points; the receipt earns 1.99 -> 1, given to the earlier line on a tie
    const r = priced([line('GUM', 1990), line('GUM2', 1990)]);
    expect(r.pointsEarned).toBe(1);
    expect(r.lines.map((l) => l.pointsEarned)).toEqual([1, 0]);
  });

  it('earns per whole amount with a per_amount rule', () => {
    const earn = { kind: 'per_amount', points: 1, per: 10000 } as const; // 1 point per 100 RUB
    expect(priced([line('TV', 25000)], { settings: { earn } }).pointsEarned).toBe(2);
    expect(priced([line('TV', 25000)], { settings: { earn, rounding: 'half_up' } }).pointsEarned).toBe(3);
    expect(priced([line('TV', 9999)], { settings: { earn } }).pointsEarned).toBe(0);
    expect(priced([line('TV', 100000)], { settings: { earn: { kind: 'per_amount', points: 3, per: 10000 } } }).pointsEarned).toBe(30);
  });

  it('counts points in the programme point value', () => {
    // a point worth 1 kopeck: 5% of 100 RUB is 500 points
    expect(priced([line('TV', 10000)], { settings: { pointValue: 1 } }).pointsEarned).toBe(500);
    // a point worth 10 RUB: 5% of 1000 RUB is 5 points
    expect(priced([line('TV', 100000)], { settings: { pointValue: 1000 } }).pointsEarned).toBe(5);
  });

  it('multiplies by the tier multiplier and adds its extra percent', () => {
    const gold = tier({ earnMultiplier: 1.5, extraPercent: 2 });
    // 5% x 1.5 = 7.5% of 200 RUB = 15, plus 2% = 4 -> 19
    const r = priced([line('TV', 20000)], { tier: gold });
    expect(r.pointsEarned).toBe(19);
    expect(r.tier).toBe('gold');
    expect(r.rules.map((x) => x.code).slice(0, 2)).toEqual(['base_earn', 'tier_bonus']);
    expect(priced([line('TV', 20000)], { tier: tier({ earnMultiplier: 1.5 }) }).pointsEarned).toBe(15);
  });

  it('applies the tier to a per_amount rule too', () => {
    const earn = { kind: 'per_amount', points: 1, per: 10000 } as const;
    // 1 per 100 RUB x2 on 300 RUB = 6, plus 1% of 300 RUB = 3 -> 9
    expect(priced([line('TV', 30000)], { settings: { earn }, tier: tier({ earnMultiplier: 2, extraPercent: 1 }) }).pointsEarned).toBe(9);
  });

  it('mentions no tier bonus for a plain tier', () => {
    const r = priced([line('TV', 20000)], { tier: tier({ code: 'basic', name: 'Basic' }) });
    expect(r.pointsEarned).toBe(10);
    expect(r.tier).toBe('basic');
    expect(r.rules.map((x) => x.code)).not.toContain('tier_bonus');
  });

  it('excludes categories and SKUs from earning', () => {
    const settings = { earnExcluded: { categories: ['tobacco'], skus: ['LOTTERY'] } };
    const r = priced([line('CIGS', 30000, { category: 'tobacco' }), line('LOTTERY', 10000), line('BREAD', 10000)], { settings });
    expect(r.lines.map((l) => [l.earns, l.pointsEarned])).toEqual([[false, 0], [false, 0], [true, 5]]);
    expect(r.pointsEarned).toBe(5);
    expect(r.rules).toContainEqual(expect.objectContaining({ code: 'earn_excluded', lines: [1, 2] }));
    // excluded from earning does not mean excluded from paying with points
    expect(r.lines.map((l) => l.redeemable)).toEqual([true, true, true]);
  });

  it('never earns on reward lines and does not pay them with points', () => {
    const r = priced([line('GIFT', 50000, { isReward: true }), line('BREAD', 10000)], { pointsToSpend: 10 });
    expect(r.lines[0]).toMatchObject({ earns: false, redeemable: false, maxPoints: 0, pointsSpent: 0, pointsEarned: 0, paid: 50000 });
    expect(r.lines[1]).toMatchObject({ pointsSpent: 10, pointsDiscount: 1000, paid: 9000 });
    expect(r.rules).toContainEqual(expect.objectContaining({ code: 'reward_line', lines: [1] }));
    expect(r.rules.map((x) => x.code)).not.toContain('earn_excluded');
    expect(r.rules.map((x) => x.code)).not.toContain('redeem_excluded');
  });

  it('earns on the money paid, not on the part paid with points', () => {
    // 100 RUB, 50 points pay 50 RUB, 5% of 50 RUB = 2.5 -> 2
    const r = priced([line('TV', 10000)], { pointsToSpend: 50 });
    expect(r.paid).toBe(5000);
    expect(r.pointsEarned).toBe(2);
  });
});

describe('redemption limits', () => {
  it('lets a line be paid with points up to the maximum percent, rounded down to whole points', () => {
    const r = priced([line('TV', 9999)], { settings: { maxRedemptionPercent: 30 } });
    expect(r.lines[0]?.maxPoints).toBe(29); // 30% of 99.99 RUB = 29.997 RUB
    expect(r.maxPointsByReceipt).toBe(29);
    expect(priced([line('TV', 9999)]).maxPointsByReceipt).toBe(49); // default 50%
  });

  it('excludes categories and SKUs from redemption and spends on the other lines', () => {
    const settings = { redeemExcluded: { categories: ['alcohol'], skus: ['SALE1'] } };
    const lines = [line('WINE', 100000, { category: 'alcohol' }), line('SALE1', 10000), line('BREAD', 10000)];
    const r = priced(lines, { settings, pointsToSpend: 50 });
    expect(r.lines.map((l) => l.maxPoints)).toEqual([0, 0, 50]);
    expect(r.lines.map((l) => l.pointsSpent)).toEqual([0, 0, 50]);
    expect(r.lines.map((l) => l.earns)).toEqual([true, true, true]);
    expect(r.rules).toContainEqual(expect.objectContaining({ code: 'redeem_excluded', lines: [1, 2] }));
  });

  it('counts the maximum in points of the programme point value', () => {
    // a point pays 0.50 RUB: half of 100 RUB is 100 points
    const r = priced([line('TV', 10000)], { settings: { pointValue: 50 }, pointsToSpend: 100 });
    expect(r.maxPointsByReceipt).toBe(100);
    expect(r).toMatchObject({ pointsSpent: 100, pointsDiscount: 5000, paid: 5000 });
  });

  it('limits what the member may spend to the available balance', () => {
    expect(priced([line('TV', 10000)], { availablePoints: 30 }).maxPoints).toBe(30);
    expect(priced([line('TV', 10000)], { availablePoints: 300 }).maxPoints).toBe(50);
    expect(priced([line('TV', 10000)], { availablePoints: -20 }).maxPoints).toBe(0);
    expect(priced([line('TV', 10000)], { availablePoints: null }).maxPoints).toBe(0);
  });

  it('splits spent points over lines in proportion to what each line allows', () => {
    const r = priced([line('A', 10000), line('B', 5000)], { pointsToSpend: 30 });
    expect(r.lines.map((l) => l.pointsSpent)).toEqual([20, 10]);
    expect(r.lines.map((l) => l.pointsDiscount)).toEqual([2000, 1000]);
    expect(r).toMatchObject({ pointsSpent: 30, pointsDiscount: 3000, paid: 12000, total: 15000 });
    expect(r.rules).toContainEqual(expect.objectContaining({ code: 'redemption' }));
  });

  it('refuses an anonymous receipt paid with points', () => {
    expect(price([line('TV', 10000)], { availablePoints: null, pointsToSpend: 5 })).toMatchObject({
      ok: false,
      code: 'member_required',
      maxPoints: 0,
    });
  });

  it('still prices an anonymous receipt that spends nothing', () => {
    expect(priced([line('TV', 10000)], { availablePoints: null })).toMatchObject({ pointsEarned: 5, pointsSpent: 0 });
  });

  it('refuses less than the minimum redemption', () => {
    const r = price([line('TV', 10000)], { settings: { minRedemption: 10 }, pointsToSpend: 9 });
    expect(r).toMatchObject({ ok: false, code: 'below_minimum_redemption', maxPoints: 50 });
    expect(r.ok ? '' : r.message).toContain('10');
    expect(priced([line('TV', 10000)], { settings: { minRedemption: 10 }, pointsToSpend: 10 }).pointsSpent).toBe(10);
  });

  it('refuses more than the receipt allows even when the member has enough', () => {
    const r = price([line('TV', 10000)], { availablePoints: 1000, pointsToSpend: 51 });
    expect(r).toMatchObject({ ok: false, code: 'redemption_limit_exceeded', maxPoints: 50 });
    expect(r.ok ? '' : r.message).toContain('50');
  });

  it('refuses more than the member has', () => {
    const r = price([line('TV', 10000)], { availablePoints: 20, pointsToSpend: 21 });
    expect(r).toMatchObject({ ok: false, code: 'insufficient_points', maxPoints: 20 });
    expect(r.ok ? '' : r.message).toContain('20 points');
    expect(priced([line('TV', 10000)], { availablePoints: 20, pointsToSpend: 20 }).pointsSpent).toBe(20);
  });
});

describe('any receipt', () => {
  const anyLine = fc.record({
    sku: fc.constantFrom('A', 'B', 'C', 'D'),
    category: fc.constantFrom(undefined, 'food', 'tobacco', 'alcohol'),
    quantity: fc.integer({ min: 1, max: 5000 }).map((m) => m / 1000),
    price: fc.constant(0),
    discount: fc.constant(0),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    isReward: fc.boolean(),
  });

  it('adds up: spent points over lines, earned points over lines, money over lines', () => {
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 12 }),
        fc.record({
          percent: fc.integer({ min: 0, max: 10000 }).map((p) => p / 100),
          pointValue: fc.integer({ min: 1, max: 1000 }),
          maxRedemptionPercent: fc.integer({ min: 0, max: 10000 }).map((p) => p / 100),
          rounding: fc.constantFrom('floor', 'half_up', 'ceil' as const),
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, s, share) => {
          const settings = {
            earn: { kind: 'percent' as const, percent: s.percent },
            pointValue: s.pointValue,
            maxRedemptionPercent: s.maxRedemptionPercent,
            rounding: s.rounding,
            earnExcluded: { categories: ['tobacco'], skus: ['D'] },
            redeemExcluded: { categories: ['alcohol'], skus: ['C'] },
          };
          const max = priced(lines, { settings, availablePoints: 10 ** 9 }).maxPointsByReceipt;
          const want = Math.floor(max * share);
          const r = priced(lines, { settings, availablePoints: 10 ** 9, pointsToSpend: want });
          const total = (f: (l: (typeof r.lines)[number]) => number) => r.lines.reduce((a, l) => a + f(l), 0);
          expect(total((l) => l.pointsSpent)).toBe(want);
          expect(total((l) => l.pointsEarned)).toBe(r.pointsEarned);
          expect(r.paid + r.pointsDiscount).toBe(r.total);
          r.lines.forEach((l, i) => {
            const sold = lines[i] as ReceiptLine;
            expect(l.pointsSpent).toBeLessThanOrEqual(l.maxPoints);
            expect(l.pointsDiscount).toBe(l.pointsSpent * s.pointValue);
            expect(l.paid).toBe(sold.amount - l.pointsDiscount);
            expect(l.paid).toBeGreaterThanOrEqual(0);
            if (!l.earns) expect(l.pointsEarned).toBe(0);
            if (!l.redeemable) expect(l.maxPoints).toBe(0);
            if (sold.isReward) expect([l.earns, l.redeemable]).toEqual([false, false]);
          });
          // one rounding of the exact receipt total: within one point of it
          const exact = r.lines.reduce((a, l) => a + (l.earns ? l.paid : 0), 0) * (s.percent / 100 / s.pointValue);
          expect(Math.abs(r.pointsEarned - exact)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
