import type { Queryable } from './db.ts';
import { accountNumber } from './ledger.ts';

export interface OverviewDay {
  day: string;
  receipts: number;
  memberReceipts: number;
  revenue: number;
  memberRevenue: number;
  pointsEarned: number;
  pointsSpent: number;
}

/** The programme over a period, day by day in its time zone: receipts and money, members, points moved and owed. */
export async function overview(db: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  const days = await db.query<{ day: string; receipts: number; member_receipts: number; revenue: number; member_revenue: number; earned: number; spent: number }>(
    `select to_char(purchased_at at time zone $4, 'YYYY-MM-DD') as day, count(*) as receipts, count(member_id) as member_receipts,
       coalesce(sum(total), 0) as revenue, coalesce(sum(total) filter (where member_id is not null), 0) as member_revenue,
       coalesce(sum(points_earned), 0) as earned, coalesce(sum(points_spent), 0) as spent
     from receipts where program_id = $1 and purchased_at >= $2 and purchased_at < $3 and status = 'confirmed'
     group by 1 order by 1`,
    [programId, from, to, timezone],
  );
  const [members] = await db.query<{ total: number; joined: number; available: number; pending: number }>(
    `select count(*) as total, count(*) filter (where created_at >= $2 and created_at < $3) as joined,
       coalesce(sum(points_available), 0) as available, coalesce(sum(points_pending), 0) as pending
     from members where program_id = $1 and erased_at is null`,
    [programId, from, to],
  );
  const [expired] = await db.query<{ points: number }>(
    `select coalesce(-sum((v->>2)::bigint) filter (where v->>0 = '${accountNumber('member:available')}'), 0) as points
     from journal_entries e cross join lateral json_array_elements(e.postings) v
     where e.program_id = $1 and e.kind = 'expiry' and e.created_at >= $2 and e.created_at < $3`,
    [programId, from, to],
  );
  return {
    days: days.map(
      (d): OverviewDay => ({
        day: d.day,
        receipts: Number(d.receipts),
        memberReceipts: Number(d.member_receipts),
        revenue: Number(d.revenue),
        memberRevenue: Number(d.member_revenue),
        pointsEarned: Number(d.earned),
        pointsSpent: Number(d.spent),
      }),
    ),
    members: { total: Number(members?.total ?? 0), joined: Number(members?.joined ?? 0) },
    outstanding: { available: Number(members?.available ?? 0), pending: Number(members?.pending ?? 0) },
    expired: Number(expired?.points ?? 0),
  };
}
