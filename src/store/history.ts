import type { ReceiptLine } from '../domain/pricing.ts';
import type { Channel } from '../domain/rules/context.ts';
import type { Queryable } from './db.ts';

/** A stored receipt as a backtest replays it: its lines, who bought, where, and the coupons it used. */
export interface PastReceipt {
  id: string;
  purchasedAt: Date;
  storeCode: string;
  channel: Channel | null;
  pointsSpent: number;
  tierCode: string | null;
  memberId: string | null;
  /** Where the next page starts: the exact time of purchase (a Date keeps only milliseconds) and the id. */
  cursor: { at: string; id: string };
  /** Campaigns whose coupons the receipt used. */
  coupons: string[];
  lines: ReceiptLine[];
}

export interface PastMember {
  birthDate: string | null;
  joinedAt: Date;
  attributes: Record<string, unknown>;
  /** Confirmed receipts bought before the period. */
  purchasesBefore: number;
  /** The segments they are in now: a backtest reads today's membership. */
  segments: string[];
}

/** The members who bought in a period, with what they had bought before it. */
export async function pastMembers(db: Queryable, programId: string, period: { from: Date; to: Date }, pageSize: number): Promise<Map<string, PastMember>> {
  const members = new Map<string, PastMember>();
  // A page of members at a time, by id: one statement over every member would hold PGlite's thread for its whole length.
  for (let after = ''; ; ) {
    const rows = await db.query<{ id: string; birth_date: string | null; created_at: Date; attributes: Record<string, unknown>; before: number; segments: string[] }>(
      `select m.id, m.birth_date, m.created_at,
         m.attributes || jsonb_build_object('gender', m.gender, 'city', m.city, 'source', m.source, 'channel', m.channel) as attributes,
         (select count(*)::int from receipts p where p.program_id = m.program_id and p.member_id = m.id and p.status = 'confirmed'
            and p.purchased_at < $2) as before,
         array(select s.segment from segment_members s where s.program_id = m.program_id and s.member_id = m.id order by 1) as segments
       from members m
       where m.program_id = $1 and m.id > $4 and exists (select 1 from receipts r where r.program_id = m.program_id and r.member_id = m.id
         and r.purchased_at >= $2 and r.purchased_at < $3)
       order by m.id limit $5`,
      [programId, period.from, period.to, after, pageSize],
    );
    for (const r of rows) members.set(r.id, { birthDate: r.birth_date, joinedAt: r.created_at, attributes: r.attributes, purchasesBefore: r.before, segments: r.segments });
    if (rows.length < pageSize) return members;
    after = (rows[rows.length - 1] as { id: string }).id;
  }
}

/**
 * Confirmed receipts bought in [from, to), in the order they were bought, a page at a time after the
 * (purchasedAt, id) of the previous page's last one, with their lines and the campaigns of the coupons they used.
 * No transaction is held between pages, so a long replay never holds up the tills (on PGlite above all).
 */
export async function pastReceipts(
  db: Queryable,
  programId: string,
  period: { from: Date; to: Date },
  after: PastReceipt['cursor'] | null,
  limit: number,
): Promise<PastReceipt[]> {
  const receipts = await db.query<{
    id: string;
    purchased_at: Date;
    exact: string;
    store_code: string;
    channel: Channel | null;
    points_spent: number;
    tier_code: string | null;
    member_id: string | null;
  }>(
    `select r.id, r.purchased_at, r.purchased_at::text as exact, r.store_code, s.channel, r.points_spent, r.tier_code, r.member_id
     from receipts r join stores s on s.program_id = r.program_id and s.code = r.store_code
     where r.program_id = $1 and r.status = 'confirmed' and r.purchased_at >= $2 and r.purchased_at < $3
       and (r.purchased_at, r.id) > ($4::timestamptz, $5)
     order by r.purchased_at, r.id limit $6`,
    [programId, period.from, period.to, after?.at ?? '-infinity', after?.id ?? '', limit],
  );
  if (!receipts.length) return [];
  const ids = receipts.map((r) => r.id);
  // The page's lines as one JSON value: a row per line costs more to pass (PGlite especially) than to parse.
  const [[page], coupons] = [
    await db.query<{ lines: string | null }>(
      `select json_agg(json_build_array(l.receipt_id, l.sku, l.category, l.brand, l.quantity, l.price, l.discount, l.amount, l.is_reward)
         order by l.receipt_id, l.line_no)::text as lines
       from unnest($2::text[]) as r(id) join receipt_lines l on l.program_id = $1 and l.receipt_id = r.id`,
      [programId, ids],
    ),
    await db.query<{ receipt_id: string; campaign: string }>(
      `select u.receipt_id, c.campaign from coupon_redemptions u join coupons c on c.program_id = u.program_id and c.code = u.code
       where u.program_id = $1 and u.receipt_id = any($2::text[])`,
      [programId, ids],
    ),
  ];
  type LineTuple = [string, string, string | null, string | null, number | string, number, number, number, boolean];
  const linesOf = new Map<string, ReceiptLine[]>();
  for (const [receiptId, sku, category, brand, quantity, price, discount, amount, isReward] of JSON.parse(page?.lines ?? '[]') as LineTuple[]) {
    const list = linesOf.get(receiptId) ?? [];
    list.push({
      sku,
      category: category ?? undefined,
      brand: brand ?? undefined,
      quantity: Number(quantity),
      price: Number(price),
      discount: Number(discount),
      amount: Number(amount),
      isReward,
    });
    linesOf.set(receiptId, list);
  }
  return receipts.map((r) => ({
    id: r.id,
    purchasedAt: r.purchased_at,
    storeCode: r.store_code,
    channel: r.channel,
    pointsSpent: Number(r.points_spent),
    tierCode: r.tier_code,
    memberId: r.member_id,
    cursor: { at: r.exact, id: r.id },
    coupons: coupons.length ? coupons.filter((c) => c.receipt_id === r.id).map((c) => c.campaign) : [],
    lines: linesOf.get(r.id) ?? [],
  }));
}
