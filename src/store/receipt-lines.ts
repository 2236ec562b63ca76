import type { LineRecord } from '../domain/receipt.ts';

/**
 * A line as its receipt's row keeps it: the values in this order, which the view `receipt_lines`
 * (migrations/022_shorter_lines.sql) shows as columns; the line's number is its place.
 */
const fields = [
  'sku',
  'name',
  'category',
  'brand',
  'quantity',
  'price',
  'discount',
  'amount',
  'isReward',
  'weighed',
  'campaignDiscount',
  'pointsEarned',
  'pointsSpent',
  'pointsDiscount',
] as const satisfies readonly Exclude<keyof LineRecord, 'lineNo'>[];
// Every field of a line is kept: a new one must be added above (and to the view).
const everyField: Exclude<keyof LineRecord, (typeof fields)[number] | 'lineNo'> extends never ? true : never = true;
void everyField;

/** From here on a line's values are flags and figures, mostly 0: the zeros at the end are left off, flags kept as 1 or 0. */
const optionalFrom = fields.indexOf('isReward');

export const lineValues = (l: LineRecord): unknown[] => {
  const values = fields.map((f) => (typeof l[f] === 'boolean' ? Number(l[f]) : l[f]));
  let end = values.length;
  while (end > optionalFrom && values[end - 1] === 0) end--;
  return values.slice(0, end);
};

const flags: readonly string[] = ['isReward', 'weighed'];
/** A field's value again: a flag from 1 or 0 (true or false, as earlier versions kept it), a figure left off as 0. */
const valueOf = (field: (typeof fields)[number], k: number, value: unknown) => {
  if (k < optionalFrom) return value;
  return flags.includes(field) ? value === true || value === 1 : (value ?? 0);
};

/** The line at place `i` of its receipt's row. */
export const lineFromValues = (values: readonly unknown[], i: number): LineRecord =>
  Object.fromEntries([['lineNo', i + 1], ...fields.map((f, k) => [f, valueOf(f, k, values[k])])]) as LineRecord;
