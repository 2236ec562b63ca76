import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../arithmetic.ts';
import type { RuleLine } from './context.ts';
import { line } from './fixtures.test-support.ts';
import { effectType, effectTypes, type PointsAward, type Reward } from './effects.ts';


const typeOf = (code: string) => {
  const type = effectType.get(code);
  if (!type) throw new Error(`no effect ${code}`);
  return type;
};

/** Discount per line; `left` defaults to what the lines cost (nothing on gift lines), as the engine starts. */
function discount(code: string, args: unknown, lines: RuleLine[], options: { left?: number[]; rounding?: RoundingMode } = {}) {
  const type = typeOf(code);
  if (type.phase !== 'discount') throw new Error(`${code} is not a discount`);
  const left = options.left ?? lines.map((l) => (l.isReward ? 0 : l.amount));
  return type.discount(type.args.parse(args), { lines, left, rounding: options.rounding ?? 'floor' });
}

function points(
  code: string,
  args: unknown,
  lines: RuleLine[],
  options: { paid?: number[]; earned?: number[]; pointValue?: number; rounding?: RoundingMode } = {},
): PointsAward {
  const type = typeOf(code);
  if (type.phase !== 'points') throw new Error(`${code} is not points`);
  return type.points(type.args.parse(args), {
    lines,
    paid: options.paid ?? lines.map((l) => l.amount),
    earned: options.earned ?? lines.map(() => 0),
    pointValue: options.pointValue ?? 100,
    rounding: options.rounding ?? 'floor',
  });
}

function reward(code: string, args: unknown): Reward {
  const type = typeOf(code);
  if (type.phase !== 'reward') throw new Error(`${code} is not a reward`);
  return type.reward(type.args.parse(args));
}

const argsValid = (code: string, args: unknown) => typeOf(code).args.safeParse(args).success;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const dairy = line('MILK', 10000, { category: 'dairy' });
const bakery = line('BREAD', 5000, { category: 'bakery' });

describe('the catalogue', () => {
  it('has exactly the effects these tests cover, each in its phase', () => {
    expect(Object.fromEntries(effectTypes.map((e) => [e.code, e.phase]))).toEqual({
      points_percent: 'points',
      points_fixed: 'points',
      points_multiplier: 'points',
      discount_percent: 'discount',
      discount_fixed: 'discount',
      n_for_m: 'discount',
      gift: 'reward',
      issue_coupon: 'reward',
      set_tier: 'reward',
    });
  });

  it('allows in action campaigns only fixed points, coupons and tiers', () => {
    expect(effectTypes.filter((e) => e.triggers.includes('event')).map((e) => e.code).sort()).toEqual([
      'issue_coupon',
      'points_fixed',
      'set_tier',
    ]);
  });
});

describe('points_percent', () => {
  it('gives the percent of the money paid, in points of the programme value', () => {
    // 10% of 150 RUB = 15 RUB = 15 points at 1 RUB a point
    expect(points('points_percent', { percent: 10 }, [dairy, bakery]).total).toBe(15);
    // a point pays 0.50 RUB: 15 RUB is 30 points
    expect(points('points_percent', { percent: 10 }, [dairy, bakery], { pointValue: 50 }).total).toBe(30);
  });

  it('counts only the money paid, not the line amount', () => {
    expect(points('points_percent', { percent: 10 }, [dairy, bakery], { paid: [4000, 1000] }).total).toBe(5);
  });

  it('counts only matching lines, and weighs the split by what each paid', () => {
    const award = points('points_percent', { percent: 10, match: { categories: ['dairy'] } }, [dairy, bakery]);
    expect(award.total).toBe(10);
    expect(award.weights[1]).toBe(0);
    expect(award.weights[0]).toBeGreaterThan(0);
    const both = points('points_percent', { percent: 10 }, [dairy, bakery]);
    expect(both.weights[0]).toBe(2 * (both.weights[1] as number));
  });

  it('never counts gift lines', () => {
    const gift = line('TOY', 50000, { isReward: true });
    expect(points('points_percent', { percent: 10 }, [gift, bakery]).total).toBe(5);
    expect(points('points_percent', { percent: 10, match: { skus: ['TOY'] } }, [gift, bakery]).total).toBe(0);
  });

  it('rounds once, with the programme mode', () => {
    // 3% of 99.99 RUB = 2.9997 points
    const lines = [line('A', 9999)];
    expect(points('points_percent', { percent: 3 }, lines, { rounding: 'floor' }).total).toBe(2);
    expect(points('points_percent', { percent: 3 }, lines, { rounding: 'half_up' }).total).toBe(3);
    expect(points('points_percent', { percent: 3 }, lines, { rounding: 'ceil' }).total).toBe(3);
    // 2.5% of 100 RUB = 2.5 points; half of 1.25 + 1.25, not two roundings
    const halves = [line('A', 5000), line('B', 5000)];
    expect(points('points_percent', { percent: 2.5 }, halves, { rounding: 'half_up' }).total).toBe(3);
    expect(points('points_percent', { percent: 2.5 }, halves, { rounding: 'floor' }).total).toBe(2);
  });

  it('takes a percent above 0, up to 100, with at most two decimals', () => {
    expect(argsValid('points_percent', { percent: 0 })).toBe(false);
    expect(argsValid('points_percent', { percent: 100.01 })).toBe(false);
    expect(argsValid('points_percent', { percent: 2.555 })).toBe(false);
    expect(argsValid('points_percent', { percent: 0.29 })).toBe(true);
  });
});

describe('points_fixed', () => {
  it('gives the points on a receipt, split by what each line paid', () => {
    const award = points('points_fixed', { points: 100 }, [dairy, bakery]);
    expect(award).toEqual({ total: 100, weights: [10000, 5000] });
  });

  it('gives nothing on a receipt where no money was paid', () => {
    expect(points('points_fixed', { points: 100 }, [dairy, bakery], { paid: [0, 0] }).total).toBe(0);
    expect(points('points_fixed', { points: 100 }, [dairy, bakery], { paid: [0, 1] }).total).toBe(100);
  });

  it('gives the points for an action, with no lines', () => {
    expect(points('points_fixed', { points: 100 }, [], { paid: [] })).toEqual({ total: 100, weights: [] });
  });

  it('takes whole positive points', () => {
    expect(argsValid('points_fixed', { points: 0 })).toBe(false);
    expect(argsValid('points_fixed', { points: 1.5 })).toBe(false);
  });
});

describe('points_multiplier', () => {
  it('adds what the programme earned times (multiplier - 1)', () => {
    // double points: the programme gave 10 + 5, the campaign adds 15 more
    expect(points('points_multiplier', { multiplier: 2 }, [dairy, bakery], { earned: [10, 5] }).total).toBe(15);
    expect(points('points_multiplier', { multiplier: 3 }, [dairy, bakery], { earned: [10, 5] }).total).toBe(30);
  });

  it('multiplies only matching lines, and weighs the split by what each earned', () => {
    const award = points('points_multiplier', { multiplier: 2, match: { categories: ['dairy'] } }, [dairy, bakery], { earned: [10, 5] });
    expect(award).toEqual({ total: 10, weights: [10, 0] });
  });

  it('rounds the extra with the programme mode', () => {
    // x1.5 on 5 points: 2.5 extra
    expect(points('points_multiplier', { multiplier: 1.5 }, [bakery], { earned: [5] }).total).toBe(2);
    expect(points('points_multiplier', { multiplier: 1.5 }, [bakery], { earned: [5], rounding: 'half_up' }).total).toBe(3);
  });

  it('never multiplies gift lines', () => {
    const gift = line('TOY', 50000, { isReward: true });
    expect(points('points_multiplier', { multiplier: 2 }, [gift, bakery], { earned: [25, 5] }).total).toBe(5);
  });

  it('takes a multiplier above 1', () => {
    expect(argsValid('points_multiplier', { multiplier: 1 })).toBe(false);
    expect(argsValid('points_multiplier', { multiplier: 1.01 })).toBe(true);
    expect(argsValid('points_multiplier', { multiplier: 101 })).toBe(false);
  });
});

describe('discount_percent', () => {
  it('takes the percent off each line', () => {
    expect(discount('discount_percent', { percent: 10 }, [dairy, bakery])).toEqual([1000, 500]);
  });

  it('takes it off what the line still costs', () => {
    expect(discount('discount_percent', { percent: 10 }, [dairy, bakery], { left: [6000, 0] })).toEqual([600, 0]);
  });

  it('only on matching lines, never on gift lines', () => {
    const gift = line('TOY', 50000, { category: 'dairy', isReward: true });
    expect(discount('discount_percent', { percent: 10, match: { categories: ['dairy'] } }, [dairy, bakery, gift])).toEqual([1000, 0, 0]);
    expect(discount('discount_percent', { percent: 10 }, [gift], { left: [50000] })).toEqual([0]);
  });

  it('rounds kopecks with the programme mode', () => {
    // 10% of 9.99 RUB = 99.9 kopecks
    const cheap = [line('GUM', 999)];
    expect(discount('discount_percent', { percent: 10 }, cheap)).toEqual([99]);
    expect(discount('discount_percent', { percent: 10 }, cheap, { rounding: 'half_up' })).toEqual([100]);
    expect(discount('discount_percent', { percent: 10 }, cheap, { rounding: 'ceil' })).toEqual([100]);
  });

  it('takes 100% as the whole line', () => {
    expect(discount('discount_percent', { percent: 100 }, [dairy, bakery])).toEqual([10000, 5000]);
  });
});

describe('discount_fixed', () => {
  it('splits the amount over lines in proportion to what they cost', () => {
    const lines = [line('A', 6000), line('B', 3000), line('C', 1000)];
    expect(discount('discount_fixed', { amount: 1000 }, lines)).toEqual([600, 300, 100]);
  });

  it('splits exactly, with no kopeck lost or added', () => {
    const lines = [line('A', 3000), line('B', 3000), line('C', 3000)];
    const parts = discount('discount_fixed', { amount: 1000 }, lines);
    expect(sum(parts)).toBe(1000);
    expect([...parts].sort()).toEqual([333, 333, 334]);
  });

  it('never takes more than the lines cost', () => {
    const lines = [line('A', 3000), line('B', 2000)];
    expect(discount('discount_fixed', { amount: 100000 }, lines)).toEqual([3000, 2000]);
    expect(discount('discount_fixed', { amount: 4999 }, lines, { left: [1, 4998] })).toEqual([1, 4998]);
  });

  it('only on matching lines', () => {
    expect(discount('discount_fixed', { amount: 1000, match: { categories: ['bakery'] } }, [dairy, bakery])).toEqual([0, 1000]);
    expect(discount('discount_fixed', { amount: 1000, match: { categories: ['fish'] } }, [dairy, bakery])).toEqual([0, 0]);
  });

  it('adds up to the amount (or all the lines cost) and stays within each line, whatever the lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (left, amount) => {
          const lines = left.map((a, i) => line(`S${i}`, a));
          const parts = discount('discount_fixed', { amount }, lines);
          expect(sum(parts)).toBe(Math.min(amount, sum(left)));
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(left[i] as number);
          });
        },
      ),
    );
  });

  it('takes a whole positive amount of kopecks', () => {
    expect(argsValid('discount_fixed', { amount: 0 })).toBe(false);
    expect(argsValid('discount_fixed', { amount: 10.5 })).toBe(false);
  });
});

describe('n_for_m', () => {
  const threeForTwo = { n: 3, m: 2 };
  const units = (sku: string, count: number, unitPrice: number, more: Partial<RuleLine> = {}) =>
    line(sku, count * unitPrice, { quantity: count, ...more });

  it('gives the third unit free on one line', () => {
    expect(discount('n_for_m', threeForTwo, [units('YOGURT', 3, 5000)])).toEqual([5000]);
    expect(discount('n_for_m', threeForTwo, [units('YOGURT', 6, 5000)])).toEqual([10000]);
    expect(discount('n_for_m', threeForTwo, [units('YOGURT', 5, 5000)])).toEqual([5000]);
  });

  it('gives nothing for fewer than n units', () => {
    expect(discount('n_for_m', threeForTwo, [units('A', 1, 5000), units('B', 1, 3000)])).toEqual([0, 0]);
  });

  it('gives the cheapest unit free over several lines', () => {
    const lines = [units('A', 1, 30000), units('B', 1, 10000), units('C', 1, 50000)];
    expect(discount('n_for_m', threeForTwo, lines)).toEqual([0, 10000, 0]);
  });

  it('groups units dearest first: in each group of n the n - m cheapest are free', () => {
    // 500, 500, 300 | 300, 100, 100: one 300 and one 100 free
    const lines = [units('A', 2, 50000), units('B', 2, 30000), units('C', 2, 10000)];
    expect(discount('n_for_m', threeForTwo, lines)).toEqual([0, 30000, 10000]);
    // 500, 500, 100 | 100, 100, 100: two units of the cheap line free
    expect(discount('n_for_m', threeForTwo, [units('A', 2, 50000), units('B', 4, 10000)])).toEqual([0, 20000]);
  });

  it('ignores weighed goods', () => {
    const lines = [line('APPLES', 15000, { quantity: 1.5 }), units('B', 3, 100)];
    expect(discount('n_for_m', threeForTwo, lines)).toEqual([0, 100]);
    const notEnough = [line('APPLES', 25000, { quantity: 2.5 }), units('B', 1, 100), units('C', 1, 100)];
    expect(discount('n_for_m', threeForTwo, notEnough)).toEqual([0, 0, 0]);
    expect(discount('n_for_m', threeForTwo, [line('CHEESE', 900, { quantity: 0.3 })])).toEqual([0]);
  });

  it('counts only matching lines, never gift lines', () => {
    const lines = [units('A', 2, 5000, { category: 'dairy' }), units('B', 1, 100, { category: 'bakery' }), units('C', 1, 3000, { category: 'dairy' })];
    expect(discount('n_for_m', { ...threeForTwo, match: { categories: ['dairy'] } }, lines)).toEqual([0, 0, 3000]);
    const withGift = [units('A', 2, 5000), units('TOY', 1, 100, { isReward: true })];
    expect(discount('n_for_m', threeForTwo, withGift, { left: [10000, 100] })).toEqual([0, 0]);
  });

  it('prices units by what the line still costs, rounding a unit down', () => {
    // 3 units for 10.00 RUB: a unit is 3.333 RUB, 3.33 off
    expect(discount('n_for_m', threeForTwo, [units('A', 3, 0, { amount: 1000 })])).toEqual([333]);
    // an earlier campaign left 60.00 RUB of 150.00 RUB
    expect(discount('n_for_m', threeForTwo, [units('A', 3, 5000)], { left: [6000] })).toEqual([2000]);
    // ranked by what they still cost: the 50 RUB unit discounted to 10 RUB is now the cheapest
    const lines = [units('A', 1, 5000), units('B', 1, 3000), units('C', 1, 2000)];
    expect(discount('n_for_m', threeForTwo, lines, { left: [1000, 3000, 2000] })).toEqual([1000, 0, 0]);
  });

  it('with m = 0 gives whole groups free, with n = 2 m = 1 every second unit', () => {
    expect(discount('n_for_m', { n: 2, m: 0 }, [units('A', 4, 100)])).toEqual([400]);
    expect(discount('n_for_m', { n: 2, m: 1 }, [units('A', 1, 300), units('B', 1, 200), units('C', 1, 100)])).toEqual([0, 200, 0]);
  });

  it('needs m below n', () => {
    expect(argsValid('n_for_m', { n: 3, m: 3 })).toBe(false);
    expect(argsValid('n_for_m', { n: 1, m: 0 })).toBe(false);
  });
});

describe('rewards', () => {
  it('gift: a product to add to the receipt, one by default', () => {
    expect(reward('gift', { sku: 'TOY' })).toEqual({ kind: 'gift', sku: 'TOY', name: null, quantity: 1 });
    expect(reward('gift', { sku: 'TOY', name: 'Teddy bear', quantity: 2 })).toEqual({ kind: 'gift', sku: 'TOY', name: 'Teddy bear', quantity: 2 });
    expect(argsValid('gift', { sku: 'TOY', quantity: 0 })).toBe(false);
  });

  it('issue_coupon: a coupon of a campaign, valid 30 days by default', () => {
    expect(reward('issue_coupon', { campaign: 'next_visit' })).toEqual({ kind: 'coupon', campaign: 'next_visit', validDays: 30 });
    expect(reward('issue_coupon', { campaign: 'next_visit', validDays: 7 })).toEqual({ kind: 'coupon', campaign: 'next_visit', validDays: 7 });
    expect(argsValid('issue_coupon', { campaign: 'next visit' })).toBe(false);
  });

  it('set_tier: moves the member to a tier', () => {
    expect(reward('set_tier', { tier: 'gold' })).toEqual({ kind: 'tier', tier: 'gold' });
    expect(argsValid('set_tier', {})).toBe(false);
  });
});
