import type { ReceiptLine } from './pricing.ts';

/** A receipt line of one unit at `amount`, as the pricing tests build them. */
export const line = (sku: string, amount: number, more: Partial<ReceiptLine> = {}): ReceiptLine => ({
  sku,
  quantity: 1,
  price: amount,
  discount: 0,
  amount,
  isReward: false,
  ...more,
});
