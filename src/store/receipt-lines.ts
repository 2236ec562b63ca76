import type { LineRecord } from '../domain/receipt.ts';

/**
 * A line as its receipt's row keeps it: the values in the order of the view `receipt_lines`
 * (migrations/015_lines_in_receipts.sql), which shows them as columns; the line's number is its place.
 */
export const lineValues = (l: LineRecord) => [
  l.sku,
  l.name,
  l.category,
  l.brand,
  l.quantity,
  l.price,
  l.discount,
  l.amount,
  l.isReward,
  l.weighed,
  l.campaignDiscount,
  l.pointsEarned,
  l.pointsSpent,
  l.pointsDiscount,
];
