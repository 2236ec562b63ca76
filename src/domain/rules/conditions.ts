import { DateTime } from 'luxon';
import { z } from 'zod';
import { toMilli } from '../arithmetic.ts';
import { clockSchema as clock, codeSchema as code } from '../fields.ts';
import { daysFromAnniversary, minuteOfDay, parseClock, withinMinutes } from './calendar.ts';
import type { Facts } from './context.ts';
import { lineMatcher, lineMatchSchema } from './match.ts';

const money = z.number().int().min(0).max(1_000_000_000_000).describe('kopecks');
const range = z
  .object({ min: money.optional(), max: money.optional() })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, 'name min, max or both')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');
const within = (r: { min?: number | undefined; max?: number | undefined }, v: number) =>
  (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
const window = z
  .object({ daysBefore: z.number().int().min(0).max(180).default(0), daysAfter: z.number().int().min(0).max(180).default(0) })
  .strict();

export type Trigger = 'receipt' | 'event';

export interface References {
  categories?: readonly string[];
  tiers?: readonly string[];
  stores?: readonly string[];
  campaigns?: readonly string[];
  eventTypes?: readonly string[];
}

/** A condition as data: a code, typed arguments, and one pure check. An editor can be generated from `args`. */
export interface ConditionType<A = never> {
  code: string;
  title: { en: string; ru: string };
  /** Which campaigns it makes sense in. */
  triggers: readonly Trigger[];
  args: z.ZodType<A>;
  check(args: A, facts: Facts): boolean;
  /** Names of other things it refers to, checked at publish time. */
  refs?(args: A): References;
}

const define = <S extends z.ZodType>(
  c: Omit<ConditionType<z.output<S>>, 'args'> & { args: S },
): ConditionType<z.output<S>> => c as ConditionType<z.output<S>>;

const comparison = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists']);
const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

const attributeComparison = z
  .object({ attribute: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), op: comparison, value: z.union([scalar, z.array(scalar).max(1000)]).optional() })
  .strict()
  .refine((a) => a.op === 'exists' || a.value !== undefined, { message: 'value is required for this comparison', path: ['value'] })
  .refine((a) => (a.op === 'in') === Array.isArray(a.value) || a.op === 'exists', { message: '"in" takes a list, other comparisons one value', path: ['value'] });

const own = (o: Readonly<Record<string, unknown>>, key: string) => (Object.hasOwn(o, key) ? o[key] : undefined);

function compare(op: z.infer<typeof comparison>, actual: unknown, value: unknown): boolean {
  if (op === 'exists') return actual !== undefined && actual !== null && actual !== '';
  if (actual === undefined || actual === null) return false;
  if (op === 'in') return Array.isArray(value) && value.includes(actual);
  if (op === 'eq') return actual === value;
  if (op === 'ne') return actual !== value;
  if (typeof actual !== typeof value || (typeof actual !== 'number' && typeof actual !== 'string')) return false;
  const a = actual as number | string;
  const b = value as number | string;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}

const receiptAmount = (f: Facts) => f.amount;

export const conditionTypes = [
  define({
    code: 'receipt_total',
    title: { en: 'Receipt total between', ru: 'Сумма чека в пределах' },
    triggers: ['receipt'],
    args: range,
    check: (a, f) => f.lines.length > 0 && within(a, receiptAmount(f)),
  }),
  // As the till sends it: the receipt's amount less the points the customer spends, before campaign discounts,
  // so that whether a campaign applies never depends on the order other campaigns are tried in.
  define({
    code: 'paid_amount',
    title: { en: 'Paid with money between', ru: 'Оплачено деньгами в пределах' },
    triggers: ['receipt'],
    args: range,
    check: (a, f) => f.lines.length > 0 && within(a, receiptAmount(f) - f.pointsToSpend * f.pointValue),
  }),
  define({
    code: 'contains',
    title: { en: 'Receipt contains products', ru: 'В чеке есть товары' },
    triggers: ['receipt'],
    args: lineMatchSchema.extend({
      minQuantity: z.number().positive().max(1_000_000).optional(),
      minAmount: money.optional(),
    }),
    check: (a, f) => {
      let found = false;
      let quantity = 0;
      let amount = 0;
      const matches = lineMatcher(a);
      for (const l of f.lines)
        if (matches(l)) {
          found = true;
          quantity += toMilli(l.quantity);
          amount += l.amount;
        }
      return found && (a.minQuantity === undefined || quantity >= toMilli(a.minQuantity)) && (a.minAmount === undefined || amount >= a.minAmount);
    },
    refs: (a) => ({ categories: a.categories }),
  }),
  define({
    code: 'member_tier',
    title: { en: 'Member is in tier', ru: 'Уровень участника' },
    triggers: ['receipt', 'event'],
    args: z.object({ tiers: z.array(code).min(1).max(20) }).strict(),
    check: (a, f) => f.member !== null && f.member.tierCode !== null && a.tiers.includes(f.member.tierCode),
    refs: (a) => ({ tiers: a.tiers }),
  }),
  define({
    code: 'member_attribute',
    title: { en: 'Member attribute', ru: 'Атрибут участника' },
    triggers: ['receipt', 'event'],
    args: attributeComparison,
    check: (a, f) => f.member !== null && compare(a.op, own(f.member.attributes, a.attribute), a.value),
  }),
  define({
    code: 'first_purchase',
    title: { en: "Member's first purchase", ru: 'Первая покупка участника' },
    triggers: ['receipt'],
    args: z.object({}).strict(),
    check: (_a, f) => f.member !== null && f.member.purchases === 0,
  }),
  define({
    code: 'nth_purchase',
    title: { en: "Member's N-th purchase", ru: 'N-я покупка участника' },
    triggers: ['receipt'],
    args: z.object({ n: z.number().int().min(1).max(100_000), every: z.boolean().default(false) }).strict(),
    check: (a, f) => f.member !== null && (a.every ? (f.member.purchases + 1) % a.n === 0 : f.member.purchases + 1 === a.n),
  }),
  define({
    code: 'birthday',
    title: { en: 'Around the birthday', ru: 'В дни рождения' },
    triggers: ['receipt', 'event'],
    args: window,
    check: (a, f) => {
      if (!f.member?.birthDate) return false;
      const d = daysFromAnniversary(f.member.birthDate, f.local);
      return d >= -a.daysBefore && d <= a.daysAfter;
    },
  }),
  define({
    code: 'registration_anniversary',
    title: { en: 'Around the anniversary of joining', ru: 'В годовщину регистрации' },
    triggers: ['receipt', 'event'],
    args: window,
    check: (a, f) => {
      if (!f.member) return false;
      const joined = DateTime.fromJSDate(f.member.joinedAt, { zone: f.timezone }).startOf('day');
      // No anniversary before the first year is (almost) over.
      if (f.local < joined.plus({ years: 1 }).minus({ days: a.daysBefore })) return false;
      const d = daysFromAnniversary(joined.toISODate() as string, f.local);
      return d >= -a.daysBefore && d <= a.daysAfter;
    },
  }),
  define({
    code: 'day_of_week',
    title: { en: 'Days of the week', ru: 'Дни недели' },
    triggers: ['receipt', 'event'],
    args: z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('1 = Monday ... 7 = Sunday') }).strict(),
    check: (a, f) => a.days.includes(f.local.weekday),
  }),
  define({
    code: 'time_of_day',
    title: { en: 'Hours', ru: 'Часы' },
    triggers: ['receipt', 'event'],
    args: z.object({ from: clock, to: clock }).strict().refine((a) => a.from !== a.to, { message: 'an empty window: from equals to', path: ['to'] }),
    check: (a, f) => {
      return withinMinutes(minuteOfDay(f.local), parseClock(a.from), parseClock(a.to));
    },
  }),
  define({
    code: 'date_range',
    title: { en: 'Dates', ru: 'Даты' },
    triggers: ['receipt', 'event'],
    args: z
      .object({ from: z.iso.date(), to: z.iso.date() })
      .strict()
      .refine((a) => a.from <= a.to, { message: 'the end is before the start', path: ['to'] }),
    check: (a, f) => {
      const day = f.local.toISODate() as string;
      return day >= a.from && day <= a.to;
    },
  }),
  define({
    code: 'store',
    title: { en: 'Stores', ru: 'Магазины' },
    triggers: ['receipt'],
    args: z.object({ stores: z.array(code).min(1).max(10_000) }).strict(),
    check: (a, f) => f.storeCode !== null && a.stores.includes(f.storeCode),
    refs: (a) => ({ stores: a.stores }),
  }),
  define({
    code: 'channel',
    title: { en: 'Sales channels', ru: 'Каналы продаж' },
    triggers: ['receipt'],
    args: z.object({ channels: z.array(z.enum(['till', 'online', 'app', 'partner'])).min(1) }).strict(),
    check: (a, f) => f.channel !== null && a.channels.includes(f.channel),
  }),
  define({
    code: 'coupon',
    title: { en: 'A coupon of this campaign is presented', ru: 'Предъявлен купон кампании' },
    triggers: ['receipt'],
    args: z.object({}).strict(),
    check: () => false, // answered by the engine, which knows the campaign
  }),
  define({
    code: 'event_type',
    title: { en: 'Member action', ru: 'Действие участника' },
    triggers: ['event'],
    args: z.object({ types: z.array(code).min(1).max(100) }).strict(),
    check: (a, f) => f.event !== null && a.types.includes(f.event.type),
    refs: (a) => ({ eventTypes: a.types }),
  }),
  define({
    code: 'event_attribute',
    title: { en: 'Action attribute', ru: 'Атрибут действия' },
    triggers: ['event'],
    args: attributeComparison,
    check: (a, f) => f.event !== null && compare(a.op, own(f.event.attributes, a.attribute), a.value),
  }),
] as const;

export const conditionType = new Map<string, ConditionType<unknown>>(
  conditionTypes.map((c) => [c.code, c as unknown as ConditionType<unknown>]),
);
