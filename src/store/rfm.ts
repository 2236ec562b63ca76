import type { Queryable } from './db.ts';

/**
 * Every member who has bought (and was not erased), scored by quintiles as `score` in domain/rfm.ts does: rank()
 * counts the members strictly worse, so equal values score alike. Recency by the day of the last purchase in the
 * programme's time zone, frequency by confirmed receipts, money by what was paid, both net of returns (the
 * member aggregates the sale path keeps).
 */
export const rfmScoredSql = `select id, last_purchase_at, purchases, paid_total,
    1 + floor(5 * (rank() over (order by (last_purchase_at at time zone $2)::date) - 1)::numeric / count(*) over ())::int as r,
    1 + floor(5 * (rank() over (order by purchases) - 1)::numeric / count(*) over ())::int as f,
    1 + floor(5 * (rank() over (order by paid_total) - 1)::numeric / count(*) over ())::int as m
  from members where program_id = $1 and erased_at is null and purchases > 0`;

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
