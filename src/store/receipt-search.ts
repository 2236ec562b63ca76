import type { Queryable } from './db.ts';

/** What a receipt search may name; every part is optional, the newest come first. */
export interface ReceiptFilter {
  storeCode?: string | undefined;
  number?: string | undefined;
  memberId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only receipts this key made (a key that may not see others'). */
  createdBy?: string | undefined;
  /** The last receipt of the previous page. */
  after?: { purchasedAt: Date; id: string } | undefined;
  limit: number;
}

export interface ReceiptSummary {
  id: string;
  storeCode: string;
  number: string;
  memberId: string | null;
  status: 'confirmed' | 'cancelled';
  total: number;
  pointsEarned: number;
  pointsSpent: number;
  campaignDiscount: number;
  purchasedAt: Date;
}

export async function searchReceipts(db: Queryable, programId: string, f: ReceiptFilter): Promise<ReceiptSummary[]> {
  const rows = await db.query<{
    id: string;
    store_code: string;
    number: string;
    member_id: string | null;
    status: 'confirmed' | 'cancelled';
    total: number;
    points_earned: number;
    points_spent: number;
    campaign_discount: number;
    purchased_at: Date;
  }>(
    `select id, store_code, number, member_id, status, total, points_earned, points_spent, campaign_discount, purchased_at from receipts
     where program_id = $1 and ($2::text is null or store_code = $2)
       -- A number without its store is looked up in each store's unique index, rather than in one more index to write.
       and ($3::text is null or (number = $3 and store_code in (select code from stores where program_id = $1)))
       and ($4::text is null or member_id = $4) and ($5::timestamptz is null or purchased_at >= $5)
       and ($6::timestamptz is null or purchased_at < $6) and ($7::text is null or created_by = $7)
       and ($8::timestamptz is null or (purchased_at, id) < ($8, $9::text))
     order by purchased_at desc, id desc limit $10`,
    [programId, f.storeCode ?? null, f.number ?? null, f.memberId ?? null, f.from ?? null, f.to ?? null, f.createdBy ?? null, f.after?.purchasedAt ?? null, f.after?.id ?? null, f.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    storeCode: r.store_code,
    number: r.number,
    memberId: r.member_id,
    status: r.status,
    total: Number(r.total),
    pointsEarned: Number(r.points_earned),
    pointsSpent: Number(r.points_spent),
    campaignDiscount: Number(r.campaign_discount),
    purchasedAt: r.purchased_at,
  }));
}

/** What each campaign gave on the receipt, named as the rules that priced it named them. */
export async function receiptCampaigns(db: Queryable, programId: string, receiptId: string, rulesVersion: number) {
  const rows = await db.query<{ campaign: string; name: string | null; points: number; discount: number; reversed_at: Date | null }>(
    `select g.campaign, c->>'name' as name, g.points, g.discount, g.reversed_at from campaign_grants g
     left join rule_sets s on s.program_id = g.program_id and s.version = $3
     left join lateral (select c from jsonb_array_elements(s.rules -> 'campaigns') c where c->>'code' = g.campaign limit 1) named on true
     where g.program_id = $1 and g.source_id = $2 order by g.campaign`,
    [programId, receiptId, rulesVersion],
  );
  return rows.map((r) => ({ campaign: r.campaign, name: r.name ?? r.campaign, points: Number(r.points), discount: Number(r.discount), reversed: r.reversed_at !== null }));
}

/** The receipt's returns and its cancellation, oldest first. */
export async function receiptReturns(db: Queryable, programId: string, receiptId: string) {
  const rows = await db.query<{ id: string; kind: 'return' | 'cancel'; number: string | null; amount: number; points_clawed_back: number; points_refunded: number; created_at: Date }>(
    `select id, kind, number, amount, points_clawed_back, points_refunded, created_at from returns
     where program_id = $1 and receipt_id = $2 order by created_at, id`,
    [programId, receiptId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    amount: Number(r.amount),
    pointsClawedBack: Number(r.points_clawed_back),
    pointsRefunded: Number(r.points_refunded),
    at: r.created_at,
  }));
}
