import type { PurchaseHistory } from '../domain/lifetime/bg-nbd.ts';
import type { SpendHistory } from '../domain/lifetime/gamma-gamma.ts';
import type { Queryable } from './db.ts';

export type MemberHistory = PurchaseHistory & SpendHistory & { revenue: number };

/**
 * The purchase histories of a cohort: members whose first purchase fell on a day in [from, to), watched until
 * `until` (a day, exclusive), in weeks, days in the programme's time zone. Purchases are counted by day (several
 * receipts of a member on one day are one purchase, their totals its spend); the first day starts the clock and
 * is not counted as a repeat, nor in the mean spend of repeats. Confirmed receipts at their totals, returns aside.
 */
export async function cohortHistories(db: Queryable, programId: string, from: string, to: string, until: string, timezone: string): Promise<MemberHistory[]> {
  const rows = await db.query<{ x: number; tx_days: number; t_days: number; mean_spend: number | null; revenue: number }>(
    `with days as (
       select member_id, (purchased_at at time zone $5)::date as day, sum(total) as spend
       from receipts
       where program_id = $1 and member_id is not null and status = 'confirmed' and purchased_at < ($4::date)::timestamp at time zone $5
       group by 1, 2),
     cohort as (
       select member_id, min(day) as first from days group by 1 having min(day) >= $2::date and min(day) < $3::date)
     select count(*) filter (where d.day > c.first) as x, max(d.day) - c.first as tx_days, $4::date - c.first as t_days,
       avg(d.spend) filter (where d.day > c.first) as mean_spend, sum(d.spend) as revenue
     from cohort c join days d using (member_id)
     group by c.member_id, c.first`,
    [programId, from, to, until, timezone],
  );
  return rows.map((r) => ({
    x: Number(r.x),
    tx: Number(r.tx_days) / 7,
    T: Number(r.t_days) / 7,
    meanSpend: Number(r.mean_spend ?? 0),
    revenue: Number(r.revenue),
  }));
}
