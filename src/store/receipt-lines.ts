import type { LineRecord } from '../domain/receipt.ts';

/**
 * A line as its receipt's row keeps it: the values in this order, which the view `receipt_lines`
 * (migrations/015_lines_in_receipts.sql) shows as columns; the line's number is its place.
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

export const lineValues = (l: LineRecord): unknown[] => fields.map((f) => l[f]);

/** The line at place `i` of its receipt's row. */
export const lineFromValues = (values: readonly unknown[], i: number): LineRecord =>
  Object.fromEntries([['lineNo', i + 1], ...fields.map((f, k) => [f, values[k]])]) as LineRecord;
