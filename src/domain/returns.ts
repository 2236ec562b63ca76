import { proportionalSlice } from './arithmetic.ts';

export interface SoldLine {
  lineNo: number;
  quantityMilli: number;
  returnedMilli: number;
  amount: number;
  /** Kopecks campaigns took off the line. */
  campaignDiscount: number;
  pointsEarned: number;
  pointsSpent: number;
  pointsDiscount: number;
  /** Sold by weight; a line of counted units (false) is returned in whole units only. */
  weighed?: boolean;
}

export interface ReturnedLine {
  lineNo: number;
  quantityMilli: number;
  /** Money given back, kopecks: the part of the line paid with money (after campaign discounts and points). */
  amount: number;
  pointsClawedBack: number;
  pointsRefunded: number;
}

export type ReturnPlan =
  | { ok: true; lines: ReturnedLine[]; amount: number; pointsClawedBack: number; pointsRefunded: number }
  | { ok: false; code: 'line_not_found' | 'return_exceeds_sale' | 'nothing_to_return' | 'whole_units_only'; message: string };

/**
 * Reverses returned quantities in proportion. Slices are cumulative, so several partial returns of a line
 * add up exactly to what the receipt did for it.
 */
export function planReturn(sold: readonly SoldLine[], requested: readonly { lineNo: number; quantityMilli: number }[]): ReturnPlan {
  const lines: ReturnedLine[] = [];
  for (const want of requested) {
    const line = sold.find((l) => l.lineNo === want.lineNo);
    if (!line) return { ok: false, code: 'line_not_found', message: `the receipt has no line ${want.lineNo}` };
    if (line.weighed === false && want.quantityMilli % 1000 !== 0)
      return { ok: false, code: 'whole_units_only', message: `line ${want.lineNo} is sold by the unit (${line.quantityMilli / 1000}); return whole units` };
    const left = line.quantityMilli - line.returnedMilli;
    if (want.quantityMilli > left)
      return {
        ok: false,
        code: 'return_exceeds_sale',
        message: `line ${want.lineNo}: ${want.quantityMilli / 1000} asked, ${left / 1000} left to return`,
      };
    const from = line.returnedMilli;
    const to = from + want.quantityMilli;
    const slice = (value: number) => proportionalSlice(value, line.quantityMilli, from, to);
    lines.push({
      lineNo: line.lineNo,
      quantityMilli: want.quantityMilli,
      amount: slice(line.amount - line.campaignDiscount - line.pointsDiscount),
      pointsClawedBack: slice(line.pointsEarned),
      pointsRefunded: slice(line.pointsSpent),
    });
  }
  if (lines.length === 0) return { ok: false, code: 'nothing_to_return', message: 'everything on this receipt is already returned' };
  const sum = (f: (l: ReturnedLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  return {
    ok: true,
    lines,
    amount: sum((l) => l.amount),
    pointsClawedBack: sum((l) => l.pointsClawedBack),
    pointsRefunded: sum((l) => l.pointsRefunded),
  };
}

/** A cancel returns whatever is still unreturned on every line. */
export const everythingLeft = (sold: readonly SoldLine[]) =>
  sold.filter((l) => l.quantityMilli > l.returnedMilli).map((l) => ({ lineNo: l.lineNo, quantityMilli: l.quantityMilli - l.returnedMilli }));
