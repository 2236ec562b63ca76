import { DateTime } from 'luxon';
import type { Queryable } from './db.ts';

/**
 * RFM scores by quintiles as `score` in domain/rfm.ts gives them: 1 + ⌊5·(rank − 1)/N⌋, where rank − 1 counts the
 * buyers strictly worse, so equal values score alike. That is one plus the number of cuts the value is strictly
 * above, cut k being the value at place ⌈kN/5⌉ of the sorted values (k = 1..4). Recency by the day of the last
 * purchase in the programme's time zone, frequency by confirmed receipts, money by what was paid, both net of
 * returns (the member aggregates the sale path keeps). The buyers are the members who bought and were not erased.
 *
 * Quintiles are a measure of the whole programme: the daily-totals job takes the twelve cuts once a day
 * (`rfm_cuts`), and a score is a member's three values read against them. Until the first run in the programme's
 * time zone, the cuts are worked out on the spot.
 */
const buyer = (m: string) => `${m}.program_id = $1 and ${m}.erased_at is null and ${m}.purchases > 0`;

/**
 * The cuts of the programme's buyers now, as one array: recency's four, frequency's, money's. percentile_disc
 * picks place ⌈fN⌉; f is given half a place short of it, so no rounding of f·N can tip it over. Null when nobody
 * has bought. Over $1 the programme, $2 its time zone.
 */
const cutsNowSql = `with bought as materialized (
      select ((m.last_purchase_at at time zone $2)::date - date '2000-01-01')::int8 as r, m.purchases::int8 as f, m.paid_total::int8 as m
      from members m where ${buyer('m')}),
    places as (
      select array[((n + 4) / 5 - 0.5) / n, ((2 * n + 4) / 5 - 0.5) / n, ((3 * n + 4) / 5 - 0.5) / n, ((4 * n + 4) / 5 - 0.5) / n]::float8[] as p
      from (select nullif(count(*), 0) as n from bought) c)
    select percentile_disc((select p from places)) within group (order by r)
      || percentile_disc((select p from places)) within group (order by f)
      || percentile_disc((select p from places)) within group (order by m) as cuts,
      count(*)::int as buyers
    from bought`;

/** The cuts scores are read against: those the job took in the programme's time zone, else the buyers' now. */
export async function rfmCuts(db: Queryable, programId: string, timezone: string): Promise<number[] | null> {
  const [row] = await db.query<{ cuts: (string | number)[] | null }>(
    `select coalesce((select cuts from rfm_cuts where program_id = $1 and timezone = $2), (select cuts from (${cutsNowSql}) c)) as cuts`,
    [programId, timezone],
  );
  return row?.cuts ? row.cuts.map(Number) : null;
}

/**
 * Takes the programme's cuts for the day `at` falls on in its time zone, unless taken that day already (then the
 * buyers are not read at all); a programme nobody has bought in keeps none. Returns whether it took them.
 */
export async function takeRfmCuts(db: Queryable, programId: string, timezone: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `insert into rfm_cuts (program_id, timezone, taken_on, buyers, cuts)
     select $1, $2, ($3::timestamptz at time zone $2)::date, c.buyers, c.cuts from (${cutsNowSql}) c
     where c.cuts is not null
       and not exists (select 1 from rfm_cuts where program_id = $1 and timezone = $2 and taken_on = ($3::timestamptz at time zone $2)::date)
     on conflict (program_id) do update set timezone = excluded.timezone, taken_on = excluded.taken_on, buyers = excluded.buyers, cuts = excluded.cuts
     returning 1`,
    [programId, timezone, at],
  );
  return rows.length > 0;
}

/** Forgets the programme's cuts, for a rebuild. */
export async function forgetRfmCuts(db: Queryable, programId: string): Promise<void> {
  await db.query('delete from rfm_cuts where program_id = $1', [programId]);
}

/**
 * The first instants of the days after recency's four cuts, in the time zone: a last purchase from the k-th of
 * them on is above cut k. A member's recency is then compared as it is stored, with no conversion to a day per
 * member.
 */
export const recencyFrom = (cuts: readonly number[], timezone: string): Date[] =>
  cuts.slice(0, 4).map((day) => DateTime.fromISO('2000-01-01', { zone: timezone }).plus({ days: day + 1 }).startOf('day').toJSDate());

/**
 * A member `m`'s three scores as SQL, read against the cuts in parameter `cuts` (an int8[] of twelve) and the
 * instants of `recencyFrom` in parameter `from` (a timestamptz[]); null for a member who is not a buyer.
 */
export function rfmScoreSql(m: string, cuts: string, from: string): { r: string; f: string; m: string } {
  const score = (above: (k: number) => string) => `case when ${buyer(m)} then 1${[1, 2, 3, 4].map((k) => ` + (${above(k)})::int`).join('')} end`;
  return {
    r: score((k) => `${m}.last_purchase_at >= (${from})[${k}]`),
    f: score((k) => `${m}.purchases > (${cuts})[${k + 4}]`),
    m: score((k) => `${m}.paid_total > (${cuts})[${k + 8}]`),
  };
}

export interface RfmCell {
  recency: number;
  frequency: number;
  members: number;
  paid: number;
  purchases: number;
  /** The mean money score of the cell's members. */
  money: number;
}

/** The buyers by recency and frequency score: each cell's size, money and mean money score. */
export async function rfmCells(db: Queryable, programId: string, timezone: string): Promise<RfmCell[]> {
  const cuts = await rfmCuts(db, programId, timezone);
  if (!cuts) return [];
  const s = rfmScoreSql('m', '$2::int8[]', '$3::timestamptz[]');
  // The money scores summed, not averaged: a sum of integers keeps the grouping by hash (the planner expects a
  // cell for nearly every member and would sort them all to average numerics).
  const rows = await db.query<{ r: number; f: number; members: number; paid: number; purchases: number; money: number }>(
    `select ${s.r} as r, ${s.f} as f, count(*) as members, sum(m.paid_total) as paid, sum(m.purchases) as purchases, sum(${s.m}) as money
     from members m where ${buyer('m')} group by 1, 2 order by 1 desc, 2`,
    [programId, cuts, recencyFrom(cuts, timezone)],
  );
  return rows.map((c) => ({
    recency: Number(c.r),
    frequency: Number(c.f),
    members: Number(c.members),
    paid: Number(c.paid),
    purchases: Number(c.purchases),
    money: Number(c.money) / Number(c.members),
  }));
}

/** Each buyer's three scores. */
export async function rfmScores(db: Queryable, programId: string, timezone: string): Promise<Map<string, { r: number; f: number; m: number }>> {
  const cuts = await rfmCuts(db, programId, timezone);
  if (!cuts) return new Map();
  const s = rfmScoreSql('m', '$2::int8[]', '$3::timestamptz[]');
  const rows = await db.query<{ id: string; r: number; f: number; m: number }>(
    `select m.id, ${s.r} as r, ${s.f} as f, ${s.m} as m from members m where ${buyer('m')}`,
    [programId, cuts, recencyFrom(cuts, timezone)],
  );
  return new Map(rows.map((x) => [x.id, { r: Number(x.r), f: Number(x.f), m: Number(x.m) }]));
}
