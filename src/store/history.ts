import type { Channel, RuleLine } from '../domain/rules/context.ts';
import type { Queryable } from './db.ts';

/** A stored receipt as a backtest replays it: its lines, who bought, what they had bought before, where. */
export interface PastReceipt {
  id: string;
  purchasedAt: Date;
  storeCode: string;
  channel: Channel | null;
  pointsSpent: number;
  tierCode: string | null;
  member: { id: string; birthDate: string | null; joinedAt: Date; attributes: Record<string, unknown>; purchases: number } | null;
  coupons: string[];
  lines: (RuleLine & { price: number; discount: number })[];
}

type Row = {
  id: string;
  purchased_at: Date;
  store_code: string;
  channel: Channel | null;
  points_spent: number;
  tier_code: string | null;
  member_id: string | null;
  birth_date: string | null;
  joined_at: Date | null;
  attributes: Record<string, unknown> | null;
  purchases: number | null;
  coupons: string[] | null;
  skus: string[];
  categories: (string | null)[];
  brands: (string | null)[];
  quantities: number[];
  prices: number[];
  discounts: number[];
  amounts: number[];
  rewards: boolean[];
};

/**
 * Confirmed receipts bought in [from, to), in order, a page at a time after the (purchasedAt, id) cursor.
 * A member's purchase count is the number of their confirmed receipts bought before this one.
 */
export async function pastReceipts(
  db: Queryable,
  programId: string,
  period: { from: Date; to: Date },
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<PastReceipt[]> {
  const rows = await db.query<Row>(
    `select r.id, r.purchased_at, r.store_code, s.channel, r.points_spent, r.tier_code, r.member_id,
       m.birth_date, m.created_at as joined_at,
       m.attributes || jsonb_build_object('gender', m.gender, 'city', m.city, 'source', m.source, 'channel', m.channel) as attributes,
       case when r.member_id is null then null else (select count(*)::int from receipts p where p.program_id = r.program_id
         and p.member_id = r.member_id and p.status = 'confirmed' and (p.purchased_at, p.id) < (r.purchased_at, r.id)) end as purchases,
       (select array_agg(c.campaign) from coupon_redemptions u join coupons c on c.program_id = u.program_id and c.code = u.code
         where u.program_id = r.program_id and u.receipt_id = r.id) as coupons,
       l.skus, l.categories, l.brands, l.quantities, l.prices, l.discounts, l.amounts, l.rewards
     from receipts r
     join stores s on s.program_id = r.program_id and s.code = r.store_code
     left join members m on m.program_id = r.program_id and m.id = r.member_id
     cross join lateral (
       select array_agg(sku order by line_no) as skus, array_agg(category order by line_no) as categories,
         array_agg(brand order by line_no) as brands, array_agg(quantity order by line_no) as quantities,
         array_agg(price order by line_no) as prices, array_agg(discount order by line_no) as discounts,
         array_agg(amount order by line_no) as amounts, array_agg(is_reward order by line_no) as rewards
       from receipt_lines where program_id = r.program_id and receipt_id = r.id) l
     where r.program_id = $1 and r.status = 'confirmed' and r.purchased_at >= $2 and r.purchased_at < $3
       and ($4::timestamptz is null or (r.purchased_at, r.id) > ($4, $5))
     order by r.purchased_at, r.id limit $6`,
    [programId, period.from, period.to, after?.at ?? null, after?.id ?? '', limit],
  );
  return rows.map((r) => ({
    id: r.id,
    purchasedAt: r.purchased_at,
    storeCode: r.store_code,
    channel: r.channel,
    pointsSpent: Number(r.points_spent),
    tierCode: r.tier_code,
    member: r.member_id
      ? { id: r.member_id, birthDate: r.birth_date, joinedAt: r.joined_at as Date, attributes: r.attributes ?? {}, purchases: r.purchases ?? 0 }
      : null,
    coupons: r.coupons ?? [],
    lines: r.skus.map((sku, i) => ({
      sku,
      category: r.categories[i] ?? undefined,
      brand: r.brands[i] ?? undefined,
      quantity: Number(r.quantities[i]),
      price: Number(r.prices[i]),
      discount: Number(r.discounts[i]),
      amount: Number(r.amounts[i]),
      isReward: r.rewards[i] as boolean,
    })),
  }));
}
