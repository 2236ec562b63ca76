import type { Queryable } from './db.ts';

export interface CampaignResult {
  campaign: string;
  /** Receipts and actions it gave something on (not undone by a cancel). */
  receipts: number;
  actions: number;
  members: number;
  points: number;
  /** Kopecks. */
  discount: number;
  /** Kopecks: the totals of the receipts it gave something on. */
  revenue: number;
  couponsIssued: number;
  couponsRedeemed: number;
}

/**
 * What each campaign gave in a period (by the time of the sale or action) and on what: grants not reversed, the
 * receipts' totals, and its coupons issued in the period and redeemed in it (a redemption undone by a return is out).
 */
export async function campaignResults(db: Queryable, programId: string, from: Date, to: Date): Promise<CampaignResult[]> {
  const rows = await db.query<{ campaign: string; receipts: number; actions: number; members: number; points: number; discount: number; revenue: number; issued: number; redeemed: number }>(
    `with given as (
       select g.campaign, count(r.id) as receipts, count(*) - count(r.id) as actions, count(distinct g.member_id) as members,
         sum(g.points) as points, sum(g.discount) as discount, coalesce(sum(r.total), 0) as revenue
       from campaign_grants g
       left join receipts r on r.program_id = g.program_id and r.id = g.source_id and r.status = 'confirmed'
       where g.program_id = $1 and g.created_at >= $2 and g.created_at < $3 and g.reversed_at is null
       group by g.campaign),
     issued as (
       select campaign, count(*) as issued from coupons where program_id = $1 and created_at >= $2 and created_at < $3 group by campaign),
     redeemed as (
       select c.campaign, count(*) as redeemed from coupon_redemptions x join coupons c on c.program_id = x.program_id and c.code = x.code
       where x.program_id = $1 and x.created_at >= $2 and x.created_at < $3 and x.restored_at is null group by c.campaign)
     select campaign, sum(receipts) as receipts, sum(actions) as actions, sum(members) as members, sum(points) as points, sum(discount) as discount,
       sum(revenue) as revenue, sum(issued) as issued, sum(redeemed) as redeemed
     from (select campaign, receipts, actions, members, points, discount, revenue, 0 as issued, 0 as redeemed from given
           union all select campaign, 0, 0, 0, 0, 0, 0, issued, 0 from issued
           union all select campaign, 0, 0, 0, 0, 0, 0, 0, redeemed from redeemed) t
     group by campaign
     order by 1`,
    [programId, from, to],
  );
  return rows.map((r) => ({
    campaign: r.campaign,
    receipts: Number(r.receipts),
    actions: Number(r.actions),
    members: Number(r.members),
    points: Number(r.points),
    discount: Number(r.discount),
    revenue: Number(r.revenue),
    couponsIssued: Number(r.issued),
    couponsRedeemed: Number(r.redeemed),
  }));
}

/** Member-bound coupons issued in the period, and how many of them have been used since. */
export async function personalCoupons(db: Queryable, programId: string, from: Date, to: Date) {
  const [row] = await db.query<{ issued: number; used: number }>(
    `select count(*) as issued, count(*) filter (where uses > 0) as used from coupons
     where program_id = $1 and member_id is not null and created_at >= $2 and created_at < $3`,
    [programId, from, to],
  );
  return { issued: Number(row?.issued ?? 0), used: Number(row?.used ?? 0) };
}
