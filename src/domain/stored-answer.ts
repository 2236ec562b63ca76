import type { PricedLine } from './pricing.ts';
import type { ConfirmedReceipt, LineRecord, ReceiptRecord } from './receipt.ts';

/**
 * A confirmed receipt's answer as every receipt keeps it, to answer a retry as the first time: without what the
 * receipt's own row holds (its lines' skus and points among it), without empty lists and the usual zeros, and its
 * lines as rows of values: about 270 bytes for a receipt of the demo, where the whole answer took 1,200.
 */

/** What of a sold line the answer tells again. */
const soldFields = ['sku', 'pointsEarned', 'pointsSpent', 'pointsDiscount', 'campaignDiscount'] as const;
type SoldFigures = Pick<LineRecord, (typeof soldFields)[number]>;

/** What of the answer the receipt's row holds. */
export type ReceiptRow = Pick<
  ReceiptRecord,
  'id' | 'storeCode' | 'number' | 'memberId' | 'cardNumber' | 'purchasedAt' | 'settingsVersion' | 'rulesVersion' | 'tierCode' | 'total' | 'pointsSpent' | 'pointsDiscount' | 'pointsEarned' | 'campaignDiscount'
> & { lines: readonly SoldFigures[] };

const fromRow = (row: ReceiptRow) => ({
  id: row.id,
  storeCode: row.storeCode,
  number: row.number,
  status: 'confirmed' as const,
  memberId: row.memberId,
  cardNumber: row.cardNumber,
  purchasedAt: new Date(row.purchasedAt).toISOString(),
  settingsVersion: row.settingsVersion,
  rulesVersion: row.rulesVersion,
  tier: row.tierCode,
  total: Number(row.total),
  pointsSpent: Number(row.pointsSpent),
  pointsDiscount: Number(row.pointsDiscount),
  pointsEarned: Number(row.pointsEarned),
  campaignDiscount: Number(row.campaignDiscount),
});

type Line = ConfirmedReceipt['lines'][number];
/** A line's fields after its number (its place), in the order a kept line lists their values; flags as 1 or 0. */
const lineFields = ['sku', 'paid', 'earns', 'redeemable', 'maxPoints', 'pointsEarned', 'pointsSpent', 'pointsDiscount', 'campaignDiscount'] as const;
// Every field of a line is kept: a new one must be added above.
const everyLineField: Exclude<keyof PricedLine | 'sku', (typeof lineFields)[number] | 'lineNo'> extends never ? true : never = true;
void everyLineField;
const balanceFields = ['available', 'pending', 'expiringSoon', 'debt'] as const;

/** The answer's lists, left out when empty. */
const lists = ['rules', 'campaigns', 'skippedCampaigns', 'coupons', 'gifts', 'couponsIssued'] as const satisfies readonly (keyof ConfirmedReceipt)[];
/** What most receipts answer for these, left out when so. */
const usual = { maxPoints: 0, tierChange: null, referralBonus: 0 } satisfies Partial<ConfirmedReceipt>;

/** A record's fields as a row of values, flags as 1 or 0, the zeros at its end (from place `from` on) left off. */
export const valuesRow = <T>(record: T, fields: readonly (keyof T)[], from = 0): unknown[] => {
  const values = fields.map((f) => (typeof record[f] === 'boolean' ? Number(record[f]) : record[f]));
  let end = values.length;
  while (end > from && values[end - 1] === 0) end--;
  return values.slice(0, end);
};
const packLine = (line: Line, fields: readonly (typeof lineFields)[number][] = lineFields) => valuesRow(line, fields);
const unpackLine = (values: unknown[], i: number): Line => {
  const line: Record<string, unknown> = { lineNo: i + 1 };
  lineFields.forEach((f, k) => (line[f] = f === 'earns' || f === 'redeemable' ? values[k] === 1 : (values[k] ?? 0)));
  return line as unknown as Line;
};
/** The fields of a line that its sold line does not hold. */
const ownFields = lineFields.filter((f) => !(soldFields as readonly string[]).includes(f));
const toldBySold = (line: Line, sold: SoldFigures | undefined) => sold !== undefined && soldFields.every((f) => line[f] === sold[f]);
/** A line from the values only the answer holds and the sold line at its place. */
const unpackOwn = (values: unknown[], sold: SoldFigures, i: number): Line =>
  unpackLine(lineFields.map((f) => ((soldFields as readonly string[]).includes(f) ? sold[f as keyof SoldFigures] : values[ownFields.indexOf(f)])), i);
type Rule = ConfirmedReceipt['rules'][number];
const packRule = (r: Rule) => (r.lines ? [r.code, r.description, r.lines] : [r.code, r.description]);
const unpackRule = ([code, description, lines]: unknown[]): Rule => ({ code, description, ...(lines ? { lines } : {}) }) as Rule;

/** The answer as the receipt keeps it, given the row it is kept in: what the row tells again is left out. */
export function packAnswer(answer: ConfirmedReceipt, row: ReceiptRow): string {
  const told = fromRow(row) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(answer)) {
    if (told[field] === value || field === 'lines' || field === 'balance' || field === 'rules') continue;
    if (field in usual && usual[field as keyof typeof usual] === value) continue;
    if ((lists as readonly string[]).includes(field) && Array.isArray(value) && value.length === 0) continue;
    kept[field] = value;
  }
  // Lines numbered in order are kept as rows of values, without what their sold lines tell (others whole); the
  // balance and the rules as rows too.
  const inOrder = answer.lines.every((l, i) => l.lineNo === i + 1 && Object.keys(l).length === lineFields.length + 1);
  if (inOrder && answer.lines.length === row.lines.length && answer.lines.every((l, i) => toldBySold(l, row.lines[i])))
    kept.own = answer.lines.map((l) => packLine(l, ownFields));
  else if (inOrder) kept.lines = answer.lines.map((l) => packLine(l));
  else kept.fullLines = answer.lines;
  kept.balance = answer.balance && balanceFields.map((f) => answer.balance?.[f]);
  if (answer.rules.length) kept.rules = answer.rules.map(packRule);
  return JSON.stringify(kept);
}

/** The answer again, from what the receipt kept and its row. */
export function unpackAnswer(text: string, row: ReceiptRow): ConfirmedReceipt {
  const { own, lines, fullLines, balance, rules, ...kept } = JSON.parse(text) as Record<string, unknown>;
  const empty = Object.fromEntries(lists.map((l) => [l, []]));
  return {
    ...fromRow(row),
    ...empty,
    ...usual,
    ...kept,
    lines: own
      ? (own as unknown[][]).map((values, i) => unpackOwn(values, row.lines[i] as SoldFigures, i))
      : ((fullLines as Line[] | undefined) ?? (lines as unknown[][]).map(unpackLine)),
    balance: Array.isArray(balance) ? Object.fromEntries(balanceFields.map((f, i) => [f, balance[i]])) : balance,
    rules: ((rules ?? []) as unknown[][]).map(unpackRule),
  } as ConfirmedReceipt;
}
