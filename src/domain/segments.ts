import { z } from 'zod';
import { rfmSegmentCodes } from './rfm.ts';

/**
 * A segment: a named set of members, either a condition tree over their profile, behaviour and RFM scores
 * (dynamic: membership follows the members) or a list uploaded once (static). The tree is data, checked here and
 * turned into one SQL condition by the store.
 */
export type SegmentRule =
  | { all: SegmentRule[] }
  | { any: SegmentRule[] }
  | { not: SegmentRule }
  | SegmentLeaf;

export interface SegmentLeaf {
  field: string;
  /** One of `operators`; checked with the field, so a wrong one is named. */
  op: string;
  value?: unknown;
  /**
   * For behaviour in a window: the last N days, today and the N whole days before it in the programme's time zone
   * (or, for points expiring, the next N days)...
   */
  days?: number;
  /** ...or dates, inclusive, in the programme's time zone. */
  from?: string;
  to?: string;
}

export const operators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_set', 'not_set'] as const;
export type Operator = (typeof operators)[number];

const date = z.iso.date();
const leaf = z
  .object({
    field: z.string().min(1).max(100),
    op: z.string().max(20),
    value: z.unknown().optional(),
    days: z.number().int().min(1).max(3660).optional().describe("the last N days: today and the N whole days before it, in the programme's time zone"),
    from: date.optional(),
    to: date.optional(),
  })
  .strict();

export const segmentRule: z.ZodType<SegmentRule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(segmentRule).max(50) }).strict(),
    z.object({ any: z.array(segmentRule).min(1).max(50) }).strict(),
    z.object({ not: segmentRule }).strict(),
    leaf,
  ]),
);

export const segmentSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    kind: z.enum(['dynamic', 'static']).default('dynamic'),
    rule: segmentRule.optional().describe('dynamic segments: the condition members meet'),
  })
  .strict();
export type SegmentInput = z.infer<typeof segmentSchema>;

/** What a field holds, which decides the operators and values it takes. */
export type FieldType = 'text' | 'number' | 'date' | 'boolean' | 'list' | 'attribute';

export interface FieldSpec {
  type: FieldType;
  /** Whether it is counted over a window of days or dates: required, optional (lifetime without) or not taken. */
  window: 'required' | 'optional' | 'none';
  /** For lists and texts with fixed values: the values allowed. */
  values?: readonly string[];
  /** For list fields: the kind of name a value is, checked against the programme's names. */
  refers?: 'categories' | 'campaigns' | 'eventTypes' | 'segments' | 'tiers';
  title: { ru: string; en: string };
}

/** Every field a rule may name; custom attributes are `attribute.<name>` (text, number or boolean). */
export const segmentFields = {
  gender: { type: 'text', window: 'none', values: ['female', 'male'], title: { ru: 'Пол', en: 'Gender' } },
  city: { type: 'text', window: 'none', title: { ru: 'Город', en: 'City' } },
  age: { type: 'number', window: 'none', title: { ru: 'Возраст', en: 'Age' } },
  birthday_month: { type: 'number', window: 'none', title: { ru: 'Месяц рождения', en: 'Birthday month' } },
  tier: { type: 'text', window: 'none', refers: 'tiers', title: { ru: 'Уровень', en: 'Tier' } },
  source: { type: 'text', window: 'none', title: { ru: 'Источник привлечения', en: 'Acquisition source' } },
  channel: { type: 'text', window: 'none', title: { ru: 'Канал регистрации', en: 'Sign-up channel' } },
  registered: { type: 'date', window: 'none', title: { ru: 'Дата регистрации', en: 'Registration date' } },
  'consent.email': { type: 'boolean', window: 'none', title: { ru: 'Согласие на e-mail', en: 'E-mail consent' } },
  'consent.sms': { type: 'boolean', window: 'none', title: { ru: 'Согласие на SMS', en: 'SMS consent' } },
  'consent.push': { type: 'boolean', window: 'none', title: { ru: 'Согласие на push', en: 'Push consent' } },
  purchases: { type: 'number', window: 'optional', title: { ru: 'Покупок', en: 'Purchases' } },
  paid: { type: 'number', window: 'optional', title: { ru: 'Оплачено, коп.', en: 'Paid, kopecks' } },
  average_check: { type: 'number', window: 'none', title: { ru: 'Средний чек, коп.', en: 'Average check, kopecks' } },
  days_since_purchase: { type: 'number', window: 'none', title: { ru: 'Дней с последней покупки', en: 'Days since last purchase' } },
  points_balance: { type: 'number', window: 'none', title: { ru: 'Баланс баллов', en: 'Points balance' } },
  points_expiring: { type: 'number', window: 'required', title: { ru: 'Сгорает баллов за N дней', en: 'Points expiring within N days' } },
  bought_category: { type: 'list', window: 'optional', refers: 'categories', title: { ru: 'Покупал категорию', en: 'Bought a category' } },
  bought_sku: { type: 'list', window: 'optional', title: { ru: 'Покупал товар (артикул)', en: 'Bought a product (SKU)' } },
  bought_brand: { type: 'list', window: 'optional', title: { ru: 'Покупал бренд', en: 'Bought a brand' } },
  used_coupon: { type: 'boolean', window: 'optional', title: { ru: 'Использовал купон', en: 'Used a coupon' } },
  campaign: { type: 'list', window: 'optional', refers: 'campaigns', title: { ru: 'Участвовал в кампании', en: 'Took part in a campaign' } },
  action: { type: 'list', window: 'optional', refers: 'eventTypes', title: { ru: 'Совершал действие', en: 'Recorded an action' } },
  rfm_segment: { type: 'list', window: 'none', values: rfmSegmentCodes, title: { ru: 'RFM-сегмент', en: 'RFM segment' } },
  rfm_recency: { type: 'number', window: 'none', title: { ru: 'RFM: давность (1–5)', en: 'RFM: recency (1–5)' } },
  rfm_frequency: { type: 'number', window: 'none', title: { ru: 'RFM: частота (1–5)', en: 'RFM: frequency (1–5)' } },
  rfm_money: { type: 'number', window: 'none', title: { ru: 'RFM: деньги (1–5)', en: 'RFM: money (1–5)' } },
  segment: { type: 'list', window: 'none', refers: 'segments', title: { ru: 'Входит в сегмент', en: 'In a segment' } },
} as const satisfies Record<string, FieldSpec>;
export type SegmentField = keyof typeof segmentFields;

const attributeName = /^attribute\.([A-Za-z0-9_]{1,64})$/;

/** The field's spec; custom attributes take text, number or boolean values alike. */
export function fieldSpec(field: string): FieldSpec | null {
  if (Object.hasOwn(segmentFields, field)) return segmentFields[field as SegmentField];
  if (attributeName.test(field)) return { type: 'attribute', window: 'none', title: { ru: field, en: field } };
  return null;
}

export const opsFor: Record<FieldType, readonly Operator[]> = {
  text: ['eq', 'ne', 'in', 'not_in', 'is_set', 'not_set'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'],
  date: ['gt', 'gte', 'lt', 'lte', 'between'],
  boolean: ['eq'],
  list: ['in', 'not_in'],
  attribute: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_set', 'not_set'],
};

export interface Issue {
  path: (string | number)[];
  message: string;
}

const singular = { categories: 'category', campaigns: 'campaign', eventTypes: 'action type', segments: 'segment', tiers: 'tier' } as const;

/** The names a rule may refer to, by kind. */
export type SegmentNames = Partial<Record<NonNullable<FieldSpec['refers']>, ReadonlySet<string>>>;

const valueOk = (field: FieldType, op: string, value: unknown): string | null => {
  // An attribute compared by size is a number; by equality, any scalar.
  const type = field === 'attribute' && ['gt', 'gte', 'lt', 'lte', 'between'].includes(op) ? 'number' : field;
  const scalar = (v: unknown) =>
    type === 'number' ? typeof v === 'number' && Number.isFinite(v)
      : type === 'date' ? typeof v === 'string' && date.safeParse(v).success
        : type === 'boolean' ? typeof v === 'boolean'
          : type === 'attribute' ? ['string', 'number', 'boolean'].includes(typeof v)
            : typeof v === 'string' && v.length <= 200;
  const what = { number: 'a number', date: 'a date YYYY-MM-DD', boolean: 'true or false', attribute: 'a text, number or boolean', text: 'a text', list: 'a text' }[type];
  if (op === 'is_set' || op === 'not_set') return value === undefined ? null : 'takes no value';
  if (op === 'between')
    return Array.isArray(value) && value.length === 2 && value.every(scalar) ? null : `takes two values [from, to], each ${what}`;
  if (op === 'in' || op === 'not_in')
    return Array.isArray(value) && value.length >= 1 && value.length <= 1000 && value.every(scalar) ? null : `takes a list of 1 to 1,000 values, each ${what}`;
  return scalar(value) ? null : `takes ${what}`;
};

/**
 * Checks a segment's rule: fields, operators, values and windows, names it refers to, and how deep it nests.
 * Returns the issues, each with its path in the input; none means the rule can be evaluated.
 */
export function checkSegmentRule(rule: SegmentRule, names: SegmentNames): Issue[] {
  const issues: Issue[] = [];
  const walk = (node: SegmentRule, path: (string | number)[], depth: number): void => {
    if (depth > 12) return void issues.push({ path, message: 'nests more than 12 levels' });
    if ('all' in node) return node.all.forEach((n, i) => walk(n, [...path, 'all', i], depth + 1));
    if ('any' in node) return node.any.forEach((n, i) => walk(n, [...path, 'any', i], depth + 1));
    if ('not' in node) return walk(node.not, [...path, 'not'], depth + 1);
    const spec = fieldSpec(node.field);
    if (!spec) return void issues.push({ path: [...path, 'field'], message: `unknown field "${node.field}"` });
    if (!(opsFor[spec.type] as readonly string[]).includes(node.op))
      return void issues.push({ path: [...path, 'op'], message: `"${node.field}" takes ${opsFor[spec.type].join(', ')}, not "${node.op}"` });
    const bad = valueOk(spec.type, node.op, node.value);
    if (bad) issues.push({ path: [...path, 'value'], message: `"${node.op}" on "${node.field}" ${bad}` });
    const windowed = node.days !== undefined || node.from !== undefined || node.to !== undefined;
    if (spec.window === 'none' && windowed) issues.push({ path: [...path, 'days'], message: `"${node.field}" takes no window` });
    if (spec.window === 'required' && node.days === undefined) issues.push({ path: [...path, 'days'], message: `"${node.field}" needs days` });
    if (node.days !== undefined && (node.from !== undefined || node.to !== undefined))
      issues.push({ path: [...path, 'days'], message: 'give either days or dates, not both' });
    if ((node.from === undefined) !== (node.to === undefined)) issues.push({ path: [...path, node.from ? 'to' : 'from'], message: 'give both from and to' });
    if (node.from && node.to && node.to < node.from) issues.push({ path: [...path, 'to'], message: 'the end is before the start' });
    const known = spec.refers ? names[spec.refers] : spec.values ? new Set(spec.values) : undefined;
    if (known && !bad) {
      const values = Array.isArray(node.value) ? node.value : node.value === undefined ? [] : [node.value];
      for (const v of values) if (!known.has(String(v))) issues.push({ path: [...path, 'value'], message: `unknown ${spec.refers ? singular[spec.refers] : 'value'} "${String(v)}"` });
    }
  };
  walk(rule, ['rule'], 0);
  return issues;
}

/** A rule's conditions, in order. */
export function ruleLeaves(rule: SegmentRule): SegmentLeaf[] {
  if ('all' in rule) return rule.all.flatMap(ruleLeaves);
  if ('any' in rule) return rule.any.flatMap(ruleLeaves);
  if ('not' in rule) return ruleLeaves(rule.not);
  return [rule];
}

/** The segments a rule names as `segment` conditions. */
export const referredSegments = (rule: SegmentRule): string[] =>
  ruleLeaves(rule).flatMap((leaf) => (leaf.field === 'segment' && Array.isArray(leaf.value) ? leaf.value.map(String) : []));

/**
 * Whether `code`, referring to `refers`, would close a loop: it names itself, or a segment that (through others)
 * names it. `refersOf` gives each stored segment's references.
 */
export function closesLoop(code: string, refers: readonly string[], refersOf: (code: string) => readonly string[]): string[] | null {
  const seen = new Set<string>();
  const visit = (at: string, trail: string[]): string[] | null => {
    if (at === code) return trail;
    if (seen.has(at)) return null;
    seen.add(at);
    for (const next of refersOf(at)) {
      const loop = visit(next, [...trail, next]);
      if (loop) return loop;
    }
    return null;
  };
  for (const first of refers) {
    const loop = visit(first, [code, first]);
    if (loop) return loop;
  }
  return null;
}
