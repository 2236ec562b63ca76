import type { Queryable } from './db.ts';
import { summedAndGaps } from './day-sums.ts';
import { accountNumber } from './ledger.ts';
import type { Grouping } from './nps.ts';

/** Points moved in a period, from the programme's side of the ledger, each net of what returns took back. */
export interface PointsMoved {
  issued: number;
  redeemed: number;
  expired: number;
  adjusted: number;
  referral: number;
}

const sumOf = (account: Parameters<typeof accountNumber>[0], sign: 1 | -1) =>
  `coalesce(${sign === -1 ? '-' : ''}sum((v->>2)::bigint) filter (where v->>0 = '${accountNumber(account)}'), 0)`;

// Points leave program:issuance, :adjustment and :referral when given (negative there) and reach
// program:redemption and :expiry when spent or expired (positive); a claw-back or a refund posts the other way.
const moved = `${sumOf('program:issuance', -1)} as issued, ${sumOf('program:redemption', 1)} as redeemed,
  ${sumOf('program:expiry', 1)} as expired, ${sumOf('program:adjustment', -1)} as adjusted, ${sumOf('program:referral', -1)} as referral`;

type Row = { issued: number; redeemed: number; expired: number; adjusted: number; referral: number };
const toMoved = (r: Row | undefined): PointsMoved => ({
  issued: Number(r?.issued ?? 0),
  redeemed: Number(r?.redeemed ?? 0),
  expired: Number(r?.expired ?? 0),
  adjusted: Number(r?.adjusted ?? 0),
  referral: Number(r?.referral ?? 0),
});

/** The entries that move the programme's points: an activation only moves points between a member's own accounts. */
const movingPoints = (e: string) => `${e}.kind <> 'activation'`;

/** The insert that sums the entries of the days `d` (day, starts_at, ends_at) of programme $1 in time zone $2. */
export const sumPointsDaysSql = (days: string) => `insert into points_days (program_id, starts_at, ends_at, timezone, day, entries, issued, redeemed, expired, adjusted, referral)
  select $1, d.starts_at, d.ends_at, $2, d.day, t.* from (${days}) d
  cross join lateral (select count(distinct e.id) as entries, ${moved} from journal_entries e cross join lateral json_array_elements(e.postings) v
    where e.program_id = $1 and e.created_at >= d.starts_at and e.created_at < d.ends_at and ${movingPoints('e')}) t
  on conflict (program_id, starts_at) do update set ends_at = excluded.ends_at, entries = excluded.entries, issued = excluded.issued,
    redeemed = excluded.redeemed, expired = excluded.expired, adjusted = excluded.adjusted, referral = excluded.referral`;

/** The points of a period by day, ISO week or month in the programme's time zone, what members hold now, and what expires in the next months. */
export async function pointsReport(db: Queryable, programId: string, q: { from: Date; to: Date; group: Grouping; timezone: string; months: number; now: Date }) {
  // Closed days from their sums; the rest of the period (its ends, the last days, a day reopened) from the entries.
  const periods = await db.query<Row & { start: string }>(
    `with ${summedAndGaps('points_days')},
     unsummed as (
       select to_char(date_trunc('${q.group}', e.created_at at time zone $4), 'YYYY-MM-DD') as start, ${moved}
       from gaps join journal_entries e on e.program_id = $1 and e.created_at >= gaps.s and e.created_at < gaps.e and ${movingPoints('e')}
       cross join lateral json_array_elements(e.postings) v
       group by 1)
     select start, sum(issued) as issued, sum(redeemed) as redeemed, sum(expired) as expired, sum(adjusted) as adjusted, sum(referral) as referral
     from (select to_char(date_trunc('${q.group}', day), 'YYYY-MM-DD') as start, issued, redeemed, expired, adjusted, referral from summed where entries > 0
           union all select * from unsummed) t
     group by start order by start`,
    [programId, q.from, q.to, q.timezone],
  );
  const total = periods.reduce<Row>(
    (a, p) => ({ issued: a.issued + Number(p.issued), redeemed: a.redeemed + Number(p.redeemed), expired: a.expired + Number(p.expired), adjusted: a.adjusted + Number(p.adjusted), referral: a.referral + Number(p.referral) }),
    { issued: 0, redeemed: 0, expired: 0, adjusted: 0, referral: 0 },
  );
  const [held] = await db.query<{ available: number; pending: number }>(
    `select coalesce(sum(points_available), 0) as available, coalesce(sum(points_pending), 0) as pending from members where program_id = $1`,
    [programId],
  );
  const expiring = await db.query<{ month: string; points: number }>(
    `select to_char(date_trunc('month', expires_at at time zone $2), 'YYYY-MM') as month, sum(remaining) as points
     from lots where program_id = $1 and state in ('active', 'pending') and remaining > 0
       and expires_at < (date_trunc('month', $4::timestamptz at time zone $2) + make_interval(months => $3)) at time zone $2
     group by 1 order by 1`,
    [programId, q.timezone, q.months, q.now],
  );
  return {
    total: toMoved(total),
    periods: periods.map((p) => ({ start: p.start, ...toMoved(p) })),
    outstanding: { available: Number(held?.available ?? 0), pending: Number(held?.pending ?? 0) },
    expiring: expiring.map((e) => ({ month: e.month, points: Number(e.points) })),
  };
}
