import { z } from 'zod';
import { roundFraction, toMilli, type RoundingMode } from '../arithmetic.ts';
import { codeSchema as code } from '../fields.ts';
import type { References, Trigger } from './conditions.ts';
import type { RuleLine } from './context.ts';
import { lineMatcher, lineMatchSchema, matchingLines, type LineMatch } from './match.ts';

const percent = z.number().gt(0).max(100).multipleOf(0.01, 'at most two decimals');
const hundredths = (n: number) => BigInt(Math.round(n * 100));
const optionalMatch = lineMatchSchema.default({ skus: [], categories: [], brands: [] });

/** Money taken off lines, before points are spent. `left` is what each line still costs. */
export interface DiscountInput {
  lines: readonly RuleLine[];
  left: readonly number[];
  rounding: RoundingMode;
}

/** Points on the money paid, after points are spent. Non-earning lines have paid and earned 0 here. */
export interface PointsInput {
  lines: readonly RuleLine[];
  paid: readonly number[];
  /** The programme's own earning on each line. */
  earned: readonly number[];
  pointValue: number;
  rounding: RoundingMode;
}

/** Total points of one effect and the weights that split it over lines (none for an event). */
export interface PointsAward {
  total: number;
  weights: readonly number[];
}

export type Reward =
  | { kind: 'gift'; sku: string; name: string | null; quantity: number }
  | { kind: 'coupon'; campaign: string; validDays: number }
  | { kind: 'tier'; tier: string };

interface Base<A> {
  code: string;
  title: { en: string; ru: string };
  triggers: readonly Trigger[];
  args: z.ZodType<A>;
  refs?(args: A): References;
}
export type EffectType<A = never> = Base<A> &
  (
    | { phase: 'discount'; discount(args: A, input: DiscountInput): number[] }
    | { phase: 'points'; points(args: A, input: PointsInput): PointsAward }
    | { phase: 'reward'; reward(args: A): Reward }
  );

const define = <S extends z.ZodType>(e: EffectType<z.output<S>> & { args: S }): EffectType<z.output<S>> => e;

const only = (m: LineMatch, lines: readonly RuleLine[], values: readonly number[]) => {
  const matches = lineMatcher(m);
  return values.map((v, i) => (matches(lines[i]!) ? v : 0));
};

/**
 * Units of matching lines, dearest first; in each full group of n units the n - m cheapest are free. Counted
 * per line, not per unit, so a line of a million units costs no more than a line of one.
 */
function cheapestFree(n: number, m: number, lines: readonly RuleLine[], left: readonly number[], match: LineMatch): number[] {
  const counted = matchingLines(match, lines).flatMap((i) => {
    const count = Math.floor(toMilli(lines[i]!.quantity) / 1000);
    // Weighed goods are not counted in units.
    return count >= 1 && toMilli(lines[i]!.quantity) === count * 1000 ? [{ line: i, count, price: left[i]! / count }] : [];
  });
  counted.sort((a, b) => b.price - a.price || a.line - b.line);
  const total = counted.reduce((a, c) => a + c.count, 0);
  const end = Math.floor(total / n) * n;
  // Free positions before x in the sorted run of units: in each group, the positions from m to n - 1.
  const freeBefore = (x: number) => {
    const upTo = Math.min(x, end);
    return Math.floor(upTo / n) * (n - m) + Math.max(0, (upTo % n) - m);
  };
  const discounts = left.map(() => 0);
  let position = 0;
  for (const c of counted) {
    const free = freeBefore(position + c.count) - freeBefore(position);
    position += c.count;
    if (free) discounts[c.line] = Math.floor((left[c.line]! * free) / c.count);
  }
  return discounts;
}

export const effectTypes = [
  define({
    code: 'points_percent',
    title: { en: 'Points as a percent of the paid amount', ru: 'Баллы процентом от оплаты' },
    triggers: ['receipt'],
    phase: 'points',
    args: z.object({ percent, match: optionalMatch }).strict(),
    points: (a, p) => {
      // The percent is the same on every line: the money paid is the weight, and the total is rounded once.
      const paid = only(a.match, p.lines, p.paid);
      const sum = paid.reduce((x, y) => x + y, 0);
      return { total: Number(roundFraction(BigInt(sum) * hundredths(a.percent), 10000n * BigInt(p.pointValue), p.rounding)), weights: paid };
    },
    refs: (a) => ({ categories: a.match.categories }),
  }),
  define({
    code: 'points_fixed',
    title: { en: 'Fixed points', ru: 'Фиксированные баллы' },
    triggers: ['receipt', 'event'],
    phase: 'points',
    args: z.object({ points: z.number().int().min(1).max(100_000_000) }).strict(),
    points: (a, p) => ({ total: p.lines.length && !p.paid.some((x) => x > 0) ? 0 : a.points, weights: p.paid }),
  }),
  define({
    code: 'points_multiplier',
    title: { en: 'Points multiplier', ru: 'Множитель баллов' },
    triggers: ['receipt'],
    phase: 'points',
    args: z.object({ multiplier: z.number().gt(1).max(100).multipleOf(0.01), match: optionalMatch }).strict(),
    points: (a, p) => {
      const base = only(a.match, p.lines, p.earned);
      const sum = base.reduce((x, y) => x + y, 0);
      return { total: Number(roundFraction(BigInt(sum) * (hundredths(a.multiplier) - 100n), 100n, p.rounding)), weights: base };
    },
    refs: (a) => ({ categories: a.match.categories }),
  }),
  define({
    code: 'discount_percent',
    title: { en: 'Percent discount', ru: 'Скидка в процентах' },
    triggers: ['receipt'],
    phase: 'discount',
    args: z.object({ percent, match: optionalMatch }).strict(),
    discount: (a, d) =>
      only(a.match, d.lines, d.left).map((v) => Number(roundFraction(BigInt(v) * hundredths(a.percent), 10000n, d.rounding))),
    refs: (a) => ({ categories: a.match.categories }),
  }),
  define({
    code: 'discount_fixed',
    title: { en: 'Fixed discount', ru: 'Скидка суммой' },
    triggers: ['receipt'],
    phase: 'discount',
    args: z.object({ amount: z.number().int().min(1).max(1_000_000_000_000).describe('kopecks'), match: optionalMatch }).strict(),
    // The split over lines is done by the engine, in proportion to what they cost.
    discount: (a, d) => {
      const left = only(a.match, d.lines, d.left);
      const sum = left.reduce((x, y) => x + y, 0);
      if (sum === 0) return left;
      const take = Math.min(a.amount, sum);
      const parts = left.map((v) => Math.floor((v * take) / sum));
      let rest = take - parts.reduce((x, y) => x + y, 0);
      for (let i = 0; rest > 0 && i < parts.length; i++)
        if (parts[i]! < left[i]!) {
          parts[i]! += 1;
          rest -= 1;
        }
      return parts;
    },
    refs: (a) => ({ categories: a.match.categories }),
  }),
  define({
    code: 'n_for_m',
    title: { en: 'N for the price of M (cheapest free)', ru: 'N по цене M (дешёвые бесплатно)' },
    triggers: ['receipt'],
    phase: 'discount',
    args: z
      .object({ n: z.number().int().min(2).max(100), m: z.number().int().min(0).max(99), match: optionalMatch })
      .strict()
      .refine((a) => a.m < a.n, { message: 'm must be less than n', path: ['m'] }),
    discount: (a, d) => cheapestFree(a.n, a.m, d.lines, d.left, a.match),
    refs: (a) => ({ categories: a.match.categories }),
  }),
  define({
    code: 'gift',
    title: { en: 'Free gift product', ru: 'Подарок' },
    triggers: ['receipt'],
    phase: 'reward',
    args: z.object({ sku: code, name: z.string().min(1).max(200).optional(), quantity: z.number().int().min(1).max(100).default(1) }).strict(),
    reward: (a) => ({ kind: 'gift', sku: a.sku, name: a.name ?? null, quantity: a.quantity }),
  }),
  define({
    code: 'issue_coupon',
    title: { en: 'Coupon for a later visit', ru: 'Купон на следующую покупку' },
    triggers: ['receipt', 'event'],
    phase: 'reward',
    args: z.object({ campaign: code.describe('the campaign the coupon unlocks'), validDays: z.number().int().min(1).max(3650).default(30) }).strict(),
    reward: (a) => ({ kind: 'coupon', campaign: a.campaign, validDays: a.validDays }),
    refs: (a) => ({ campaigns: [a.campaign] }),
  }),
  define({
    code: 'set_tier',
    title: { en: 'Move to a tier', ru: 'Перевести на уровень' },
    triggers: ['receipt', 'event'],
    phase: 'reward',
    args: z.object({ tier: code }).strict(),
    reward: (a) => ({ kind: 'tier', tier: a.tier }),
    refs: (a) => ({ tiers: [a.tier] }),
  }),
] as const;

export const effectType = new Map<string, EffectType<unknown>>(effectTypes.map((e) => [e.code, e as unknown as EffectType<unknown>]));
