import type { Queryable } from './db.ts';

/**
 * Acquisition sources and sign-up channels: members who joined in the period, how many of them bought and bought
 * again (on a later day), and the period's receipts and revenue from all members of the source.
 */
export async function sourceResults(db: Queryable, programId: string, from: Date, to: Date) {
  const rows = await db.query<{ source: string | null; channel: string | null; joined: number; buyers: number; repeaters: number; active: number; receipts: number; revenue: number }>(
    `with joined as (
       select m.source, m.channel, count(*) as joined, count(*) filter (where m.purchases > 0) as buyers,
         count(*) filter (where m.last_purchase_at > m.first_purchase_at and (m.last_purchase_at - m.first_purchase_at) >= interval '1 day') as repeaters
       from members m where m.program_id = $1 and m.erased_at is null and m.created_at >= $2 and m.created_at < $3
       group by 1, 2),
     per_member as (
       select r.member_id, count(*) as receipts, sum(r.total) as revenue from receipts r
       where r.program_id = $1 and r.status = 'confirmed' and r.member_id is not null and r.purchased_at >= $2 and r.purchased_at < $3
       group by 1),
     sold as (
       select m.source, m.channel, count(*) as active, sum(b.receipts) as receipts, sum(b.revenue) as revenue
       from per_member b join members m on m.program_id = $1 and m.id = b.member_id
       where m.erased_at is null
       group by 1, 2)
     select source, channel, sum(joined) as joined, sum(buyers) as buyers, sum(repeaters) as repeaters, sum(active) as active,
       sum(receipts) as receipts, sum(revenue) as revenue
     from (select source, channel, joined, buyers, repeaters, 0 as active, 0 as receipts, 0 as revenue from joined
           union all select source, channel, 0, 0, 0, active, receipts, revenue from sold) t
     group by source, channel
     order by revenue desc, joined desc`,
    [programId, from, to],
  );
  return rows.map((r) => ({
    source: r.source,
    channel: r.channel,
    joined: Number(r.joined),
    buyers: Number(r.buyers),
    repeaters: Number(r.repeaters),
    active: Number(r.active),
    receipts: Number(r.receipts),
    revenue: Number(r.revenue),
  }));
}
