import type { ConfirmedReceipt, LineRecord, ReceiptRecord } from '../domain/receipt.ts';
import type { SoldLine } from '../domain/returns.ts';
import { unpackAnswer, type ReceiptRow as AnswerRow } from '../domain/stored-answer.ts';
import { lineFromValues, productsSql, type Product } from './receipt-lines.ts';
import type { Queryable } from './db.ts';

/** What a receipt kept of its answer, with the columns it is rebuilt from, as one JSON object of the row `r`. */
export const keptAnswerSql = (r: string) =>
  `json_build_object('id', ${r}.id, 'storeCode', ${r}.store_code, 'number', ${r}.number, 'memberId', ${r}.member_id,
     'cardNumber', ${r}.card_number, 'purchasedAt', ${r}.purchased_at, 'settingsVersion', ${r}.settings_version,
     'rulesVersion', ${r}.rules_version, 'tierCode', ${r}.tier_code, 'total', ${r}.total, 'pointsSpent', ${r}.points_spent,
     'pointsDiscount', ${r}.points_discount, 'pointsEarned', ${r}.points_earned, 'campaignDiscount', ${r}.campaign_discount,
     'answer', ${r}.answer, 'response', ${r}.response, 'lines', ${r}.lines)`;

export type KeptAnswer = Omit<AnswerRow, 'lines'> & { answer: string | null; response: ConfirmedReceipt | null; lines: unknown[][] };

/** The answer a receipt was confirmed with (a receipt written before answers were kept compact has it whole). */
export const keptAnswer = (kept: KeptAnswer): ConfirmedReceipt =>
  // The answer tells no product's names: its lines are read without the catalogue.
  kept.response ?? unpackAnswer(kept.answer as string, { ...kept, lines: kept.lines.map((values, i) => lineFromValues(values, i)) });

export async function storedResponse(
  db: Queryable,
  programId: string,
  storeCode: string,
  number: string,
): Promise<{ requestHash: string; response: ConfirmedReceipt } | null> {
  const [row] = await db.query<{ request_hash: string; kept: KeptAnswer }>(
    `select encode(request_hash, 'hex') as request_hash, ${keptAnswerSql('r')} as kept from receipts r where program_id = $1 and store_code = $2 and number = $3`,
    [programId, storeCode, number],
  );
  return row ? { requestHash: row.request_hash, response: keptAnswer(row.kept) } : null;
}

type ReceiptRow = {
  id: string;
  store_code: string;
  number: string;
  member_id: string | null;
  card_number: string | null;
  status: ReceiptRecord['status'];
  settings_version: number;
  tier_code: string | null;
  currency: string;
  total: number;
  points_spent: number;
  points_discount: number;
  points_earned: number;
  purchased_at: Date;
  created_at: Date;
  request_hash: string;
  rules_version: number;
  campaign_discount: number;
  created_by: string | null;
};

export async function findReceipt(db: Queryable, programId: string, id: string, lock = false): Promise<ReceiptRecord | null> {
  const [r] = await db.query<ReceiptRow>(
    `select id, store_code, number, member_id, card_number, status, settings_version, tier_code, currency, total, points_spent,
       points_discount, points_earned, purchased_at, created_at, encode(request_hash, 'hex') as request_hash, rules_version, campaign_discount, created_by
     from receipts where program_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [programId, id],
  );
  if (!r) return null;
  return {
    id: r.id,
    storeCode: r.store_code,
    number: r.number,
    memberId: r.member_id,
    cardNumber: r.card_number,
    status: r.status,
    settingsVersion: r.settings_version,
    tierCode: r.tier_code,
    currency: r.currency,
    total: r.total,
    pointsSpent: r.points_spent,
    pointsDiscount: r.points_discount,
    pointsEarned: r.points_earned,
    purchasedAt: r.purchased_at,
    createdAt: r.created_at,
    requestHash: r.request_hash,
    rulesVersion: r.rules_version,
    campaignDiscount: r.campaign_discount,
    createdBy: r.created_by,
  };
}

export type SoldLineRecord = LineRecord & SoldLine;

/** The receipt's lines, from its row, with what earlier returns already took back. */
export async function soldLines(db: Queryable, programId: string, receiptId: string): Promise<SoldLineRecord[]> {
  const [row] = await db.query<{ lines: unknown[][]; returned: Record<string, number> | null; products: Record<string, Product> | null }>(
    `select r.lines,
       (select json_object_agg(t.line_no, t.quantity) from (select line_no, sum(quantity) as quantity from return_lines
          where program_id = $1 and receipt_id = $2 group by line_no) t) as returned,
       ${productsSql('array(select l->>0 from json_array_elements(r.lines) l)')} as products
     from receipts r where r.program_id = $1 and r.id = $2`,
    [programId, receiptId],
  );
  const products = new Map(Object.entries(row?.products ?? {}));
  return (row?.lines ?? []).map((values, i) => {
    const line = lineFromValues(values, i, products);
    return { ...line, quantityMilli: Math.round(line.quantity * 1000), returnedMilli: Math.round(Number(row?.returned?.[line.lineNo] ?? 0) * 1000) };
  });
}

export interface ReturnRecord {
  id: string;
  receiptId: string;
  memberId: string | null;
  kind: 'return' | 'cancel';
  number: string | null;
  amount: number;
  pointsClawedBack: number;
  pointsRefunded: number;
  createdAt: Date;
  createdBy: string;
  lines: { lineNo: number; quantity: number; amount: number; pointsClawedBack: number; pointsRefunded: number }[];
}

export async function insertReturn(db: Queryable, programId: string, r: ReturnRecord): Promise<void> {
  await db.query(
    `insert into returns (program_id, id, receipt_id, member_id, kind, number, amount, points_clawed_back, points_refunded, created_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [programId, r.id, r.receiptId, r.memberId, r.kind, r.number, r.amount, r.pointsClawedBack, r.pointsRefunded, r.createdAt, r.createdBy],
  );
  await db.query(
    `insert into return_lines (program_id, return_id, receipt_id, line_no, quantity, amount, points_clawed_back, points_refunded)
     select $1, $2, $3, l.* from unnest($4::int[], $5::numeric[], $6::bigint[], $7::bigint[], $8::bigint[]) as l`,
    [
      programId,
      r.id,
      r.receiptId,
      r.lines.map((l) => l.lineNo),
      r.lines.map((l) => l.quantity),
      r.lines.map((l) => l.amount),
      r.lines.map((l) => l.pointsClawedBack),
      r.lines.map((l) => l.pointsRefunded),
    ],
  );
}

export async function saveReturnResponse(db: Queryable, programId: string, id: string, hash: string, response: unknown): Promise<void> {
  await db.query('update returns set request_hash = $3, response = $4 where program_id = $1 and id = $2', [
    programId,
    id,
    hash,
    JSON.stringify(response),
  ]);
}

export async function returnByNumber(
  db: Queryable,
  programId: string,
  receiptId: string,
  number: string,
): Promise<{ requestHash: string; response: unknown } | null> {
  const [row] = await db.query<{ request_hash: string; response: unknown }>(
    'select request_hash, response from returns where program_id = $1 and receipt_id = $2 and number = $3',
    [programId, receiptId, number],
  );
  return row ? { requestHash: row.request_hash, response: row.response } : null;
}

export async function setReceiptStatus(db: Queryable, programId: string, id: string, status: ReceiptRecord['status']): Promise<void> {
  await db.query('update receipts set status = $3 where program_id = $1 and id = $2', [programId, id, status]);
}

/** The lot a receipt's earned points went into (a return claws back from it first). */
export async function receiptLotId(db: Queryable, programId: string, memberId: string, receiptId: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select l.id from lots l join journal_entries e on e.program_id = l.program_id and e.member_id = l.member_id and e.id = l.entry_id
     where l.program_id = $1 and l.member_id = $2 and e.receipt_id = $3 and e.kind = 'receipt' order by l.id limit 1`,
    [programId, memberId, receiptId],
  );
  return row?.id ?? null;
}
