import type { Db, Queryable } from './db.ts';
import { accountNumber } from './ledger.ts';
import { summedAndGaps } from './day-sums.ts';
import { countMonthBuyers, foldMemberDays, forgetMemberDays } from './member-days.ts';
import { sumPointsDaysSql } from './points-report.ts';
import { bySourceSql } from './sources.ts';

export interface OverviewDay {
  day: string;
  receipts: number;
  memberReceipts: number;
  revenue: number;
  memberRevenue: number;
  pointsEarned: number;
  pointsSpent: number;
}

const totals = `count(*) as receipts, count(member_id) as member_receipts, coalesce(sum(total), 0) as revenue,
  coalesce(sum(total) filter (where member_id is not null), 0) as member_revenue,
  coalesce(sum(points_earned), 0) as earned, coalesce(sum(points_spent), 0) as spent`;

/** How many days one run of the day sums sums under its lock before letting late receipts through. */
const DAYS_AT_ONCE = 31;
/**
 * How long after its end a stretch of receipts or entries is summed: an hour, so that reports read at most the last
 * two hours' receipts and entries. A receipt or entry dated more than half an hour before it is written (an offline
 * till, an import, a transaction that ran that long) removes the sum of its stretch, and the next run sums it again
 * (migrations 037, 040).
 */
const SETTLE = '1 hour';

/**
 * The stretches of programme $1 in time zone $2 that are settled and not summed as they stand (from the day of
 * `first` on, a month's worth): each day, from its first instant to its end or, today, to the last whole hour that
 * ended an hour ago. A stretch whose row in `table` ends earlier (the same day summed an hour before) is to be summed
 * again over it.
 */
const settledDays = (table: string, first: string) => `select d.* from (
    select midnight::date as day, midnight at time zone $2 as starts_at,
      least((midnight + interval '1 day') at time zone $2, date_trunc('hour', now() - interval '${SETTLE}')) as ends_at
    from generate_series(((${first}) at time zone $2)::date::timestamp, ((now() - interval '${SETTLE}') at time zone $2)::date::timestamp, interval '1 day') midnight) d
  where d.starts_at < d.ends_at and not exists (select 1 from ${table} x where x.program_id = $1 and x.starts_at = d.starts_at and x.ends_at = d.ends_at)
  order by d.starts_at limit ${DAYS_AT_ONCE}`;

/** Runs `work` in a transaction holding the day sums' lock whole; late receipts remove sums holding it shared. */
function underDayLock<T>(db: Db, programId: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('select receipt_days_sum_lock($1)', [programId]);
    return work(tx);
  });
}

/** Drops the programme's day sums and buying days (under the lock the job sums under), for a rebuild from the receipts and the ledger. */
export async function forgetDaySums(db: Db, programId: string): Promise<void> {
  await underDayLock(db, programId, async (tx) => {
    await tx.query('delete from receipt_days where program_id = $1', [programId]);
    await tx.query('delete from points_days where program_id = $1', [programId]);
    await forgetMemberDays(tx, programId);
  });
}

/**
 * Sums the programme's receipts and its side of the ledger over each settled stretch not summed as it stands (each
 * closed day from the first receipt or entry, and today up to its last hour settled, in its time zone), and drops
 * the sums of another time zone; then folds the same stretches into the members' buying days. A month per transaction,
 * under the lock a late receipt or entry of such a stretch takes to remove its sum. Returns the number of stretches
 * summed.
 */
export async function sumSettledDays(db: Db, programId: string, timezone: string): Promise<number> {
  let summed = 0;
  for (;;) {
    const days = await underDayLock(db, programId, async (tx) => {
      await tx.query('delete from receipt_days where program_id = $1 and timezone <> $2', [programId, timezone]);
      await tx.query('delete from points_days where program_id = $1 and timezone <> $2', [programId, timezone]);
      const receipts = await tx.query(
        `insert into receipt_days (program_id, starts_at, ends_at, timezone, day, receipts, member_receipts, revenue, member_revenue, points_earned, points_spent, sources)
         select $1, d.starts_at, d.ends_at, $2, d.day, t.*, s.sources
         from (${settledDays('receipt_days', 'select min(purchased_at) from receipts where program_id = $1')}) d
         cross join lateral (select ${totals} from receipts r
           where r.program_id = $1 and r.purchased_at >= d.starts_at and r.purchased_at < d.ends_at and r.status = 'confirmed') t
         cross join lateral (select coalesce(jsonb_agg(jsonb_build_array(b.source, b.channel, b.receipts, b.revenue)), '[]') as sources
           from (${bySourceSql('d.starts_at', 'd.ends_at')}) b) s
         on conflict (program_id, starts_at) do update set ends_at = excluded.ends_at, receipts = excluded.receipts,
           member_receipts = excluded.member_receipts, revenue = excluded.revenue, member_revenue = excluded.member_revenue,
           points_earned = excluded.points_earned, points_spent = excluded.points_spent, sources = excluded.sources
         returning 1`,
        [programId, timezone],
      );
      const points = await tx.query(`${sumPointsDaysSql(settledDays('points_days', 'select min(created_at) from journal_entries where program_id = $1'))} returning 1`, [programId, timezone]);
      return Math.max(receipts.length, points.length);
    });
    summed += days;
    if (days < DAYS_AT_ONCE) break;
  }
  // The members' buying days, folded in the same way (today's settled hours too), a month per transaction; then
  // the buyers of each whole month folded and not counted yet.
  const fold = () => underDayLock(db, programId, (tx) => foldMemberDays(tx, programId, timezone));
  let folded = 0;
  for (let hours = await fold(); hours > 0; hours = await fold()) folded += hours;
  await underDayLock(db, programId, (tx) => countMonthBuyers(tx, programId, timezone));
  // The planner's picture of the members' bits after a day or more of them changed, so that reports join them as
  // they are (not for each hour of today's).
  if (folded >= 24) await db.query('analyze member_days');
  return summed;
}

/**
 * The programme's confirmed receipts over a period, day by day in its time zone. Whole days already summed come
 * from their sums; the rest of the period (its ends, today, a day a late receipt reopened) from the receipts
 * themselves, in the same statement so that a sum written meanwhile counts once.
 */
export async function dailySums(db: Queryable, programId: string, from: Date, to: Date, timezone: string): Promise<OverviewDay[]> {
  const days = await db.query<{ day: string; receipts: number; member_receipts: number; revenue: number; member_revenue: number; earned: number; spent: number }>(
    `with ${summedAndGaps('receipt_days')},
     unsummed as (
       select t.* from gaps cross join lateral (
         select to_char(r.purchased_at at time zone $4, 'YYYY-MM-DD') as day, ${totals}
         from receipts r where r.program_id = $1 and r.purchased_at >= gaps.s and r.purchased_at < gaps.e and r.status = 'confirmed'
         group by 1) t)
     select day, sum(receipts) as receipts, sum(member_receipts) as member_receipts, sum(revenue) as revenue,
       sum(member_revenue) as member_revenue, sum(earned) as earned, sum(spent) as spent
     from (select to_char(day, 'YYYY-MM-DD') as day, receipts, member_receipts, revenue, member_revenue, points_earned as earned,
             points_spent as spent from summed where receipts > 0
           union all select * from unsummed) t
     group by day order by day`,
    [programId, from, to, timezone],
  );
  return days.map((d) => ({
    day: d.day,
    receipts: Number(d.receipts),
    memberReceipts: Number(d.member_receipts),
    revenue: Number(d.revenue),
    memberRevenue: Number(d.member_revenue),
    pointsEarned: Number(d.earned),
    pointsSpent: Number(d.spent),
  }));
}

/** The programme over a period, day by day in its time zone: receipts and money, members, points moved and owed. */
export async function overview(db: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  const days = await dailySums(db, programId, from, to, timezone);
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
    days,
    members: { total: Number(members?.total ?? 0), joined: Number(members?.joined ?? 0) },
    outstanding: { available: Number(members?.available ?? 0), pending: Number(members?.pending ?? 0) },
    expired: Number(expired?.points ?? 0),
  };
}
