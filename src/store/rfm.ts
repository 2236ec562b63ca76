import type { Queryable } from './db.ts';

/**
 * Every member who has bought (and was not erased), scored by quintiles as `score` in domain/rfm.ts does:
 * 1 + ⌊5·(rank − 1)/N⌋, where rank − 1 counts the members strictly worse, so equal values score alike. That is one
 * plus the number of cuts the value is strictly above, cut k being the value at place ⌈kN/5⌉ of the sorted
 * values (k = 1..4): each measure is sorted once, alone, instead of ranking every member's row three times.
 * percentile_disc picks place ⌈fN⌉; f is given half a place short of it, so no rounding of f·N can tip it over.
 * Recency by the day of the last purchase in the programme's time zone, frequency by confirmed receipts, money by
 * what was paid, both net of returns (the member aggregates the sale path keeps).
 */
export const rfmScoredSql = `with bought as materialized (
    select id, last_purchase_at, purchases, paid_total, (last_purchase_at at time zone $2)::date as day
    from members where program_id = $1 and erased_at is null and purchases > 0),
  places as (
    select array[((n + 4) / 5 - 0.5) / n, ((2 * n + 4) / 5 - 0.5) / n, ((3 * n + 4) / 5 - 0.5) / n, ((4 * n + 4) / 5 - 0.5) / n]::float8[] as f
    from (select nullif(count(*), 0) as n from bought) c),
  -- Materialised: joined to every member, the cuts must be worked out once, whichever side the planner puts them on.
  cuts as materialized (
    select percentile_disc((select f from places)) within group (order by day) as r,
      percentile_disc((select f from places)) within group (order by purchases) as f,
      percentile_disc((select f from places)) within group (order by paid_total) as m
    from bought)
  select id, last_purchase_at, purchases, paid_total,
    1 + (day > c.r[1])::int + (day > c.r[2])::int + (day > c.r[3])::int + (day > c.r[4])::int as r,
    1 + (purchases > c.f[1])::int + (purchases > c.f[2])::int + (purchases > c.f[3])::int + (purchases > c.f[4])::int as f,
    1 + (paid_total > c.m[1])::int + (paid_total > c.m[2])::int + (paid_total > c.m[3])::int + (paid_total > c.m[4])::int as m
  from bought, cuts c`;

export interface RfmCell {
  recency: number;
  frequency: number;
  members: number;
  paid: number;
  purchases: number;
  /** The mean money score of the cell's members. */
  money: number;
}

export async function rfmCells(db: Queryable, programId: string, timezone: string): Promise<RfmCell[]> {
  const rows = await db.query<{ r: number; f: number; members: number; paid: number; purchases: number; money: number }>(
    `select r, f, count(*) as members, sum(paid_total) as paid, sum(purchases) as purchases, avg(m) as money
     from (${rfmScoredSql}) s group by r, f order by r desc, f`,
    [programId, timezone],
  );
  return rows.map((c) => ({ recency: Number(c.r), frequency: Number(c.f), members: Number(c.members), paid: Number(c.paid), purchases: Number(c.purchases), money: Number(c.money) }));
}

/** Each scored member's three scores. */
export async function rfmScores(db: Queryable, programId: string, timezone: string): Promise<Map<string, { r: number; f: number; m: number }>> {
  const rows = await db.query<{ id: string; r: number; f: number; m: number }>(`select id, r, f, m from (${rfmScoredSql}) s`, [programId, timezone]);
  return new Map(rows.map((x) => [x.id, { r: Number(x.r), f: Number(x.f), m: Number(x.m) }]));
}
