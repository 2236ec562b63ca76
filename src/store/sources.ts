import { asReport, type Db, type Queryable } from './db.ts';
import { summedAndGaps } from './day-sums.ts';
import { countedSql, foldedDays } from './member-days.ts';

/**
 * Members' confirmed receipts from `from` to `to` (SQL expressions) of programme $1 by the members' acquisition
 * source and channel: source, channel, receipts, revenue. Erased members are left out.
 */
export const bySourceSql = (from: string, to: string) => `select m.source, m.channel, count(*) as receipts, sum(r.total) as revenue
  from receipts r join members m on m.program_id = r.program_id and m.id = r.member_id
  where r.program_id = $1 and r.status = 'confirmed' and r.purchased_at >= ${from} and r.purchased_at < ${to} and m.erased_at is null
  group by 1, 2`;

type Source = { source: string | null; channel: string | null };
const figures = ['joined', 'buyers', 'repeaters', 'active', 'receipts', 'revenue'] as const;
type Figure = (typeof figures)[number];

export type SourceResult = Source & Record<Figure, number>;
/** A source's row from one of the report's statements: the figures that statement gives. */
type Row = Source & Partial<Record<Figure, number>>;

/**
 * Acquisition sources and sign-up channels: members who joined in the period, how many of them bought and bought
 * again (on a later day), the members of the source who bought in the period, and their receipts and revenue.
 * Three statements side by side: the newcomers from the members; the active members from the buyers' rows of
 * buying days, which keep each buyer's source; the receipts and revenue from the daily sums and the receipts of
 * the days not summed.
 */
export async function sourceResults(db: Db, programId: string, from: Date, to: Date, timezone: string): Promise<SourceResult[]> {
  const statements = await Promise.all([
    asReport(db, (tx) => joinedBySource(tx, programId, from, to)),
    asReport(db, (tx) => activeBySource(tx, programId, from, to, timezone)),
    asReport(db, (tx) => soldBySource(tx, programId, from, to, timezone)),
  ]);
  const key = (r: Source) => JSON.stringify([r.source, r.channel]);
  const results = new Map<string, SourceResult>();
  // A source's row from each statement, added up: each gives its own figures and none of the others'.
  for (const row of statements.flat()) {
    const result = results.get(key(row)) ?? { source: row.source, channel: row.channel, joined: 0, buyers: 0, repeaters: 0, active: 0, receipts: 0, revenue: 0 };
    for (const figure of figures) result[figure] += Number(row[figure] ?? 0);
    results.set(key(row), result);
  }
  return [...results.values()]
    .filter((r) => r.joined > 0 || r.active > 0)
    .sort((a, b) => b.revenue - a.revenue || b.joined - a.joined || key(a).localeCompare(key(b)));
}

function joinedBySource(tx: Queryable, programId: string, from: Date, to: Date) {
  return tx.query<Row>(
    `select m.source, m.channel, count(*) as joined, count(*) filter (where m.purchases > 0) as buyers,
       count(*) filter (where m.last_purchase_at - m.first_purchase_at >= interval '1 day') as repeaters
     from members m
     where m.program_id = $1 and m.erased_at is null and m.created_at >= $2 and m.created_at < $3
     group by 1, 2`,
    [programId, from, to],
  );
}

async function activeBySource(tx: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  const values: unknown[] = [programId];
  const counted = countedSql((v) => `$${values.push(v)}`, timezone, await foldedDays(tx, programId, timezone), [{ from, to }]);
  // A member who bought only on days not folded yet has no row of buying days: those few (today's new buyers) are
  // kept apart in the grouping, a row each, and their sources looked up by key.
  const of = (column: string) => `case when g.member_id is null then g.${column} else x.${column} end`;
  return tx.query<Row>(
    `with ${counted.sql},
     grouped as (
       select case when c.since is null then c.member_id end as member_id, c.source, c.channel, count(*) as active
       from counted c where c.n0 > 0 and not coalesce(c.erased, false)
       group by 1, 2, 3)
     select ${of('source')} as source, ${of('channel')} as channel, sum(g.active) as active
     from grouped g left join lateral (
       select m.source, m.channel, m.erased_at is not null as erased from members m
       where g.member_id is not null and m.program_id = $1 and m.id = (g.member_id collate "default")
       -- A member a row, looked up by its key (the limit keeps the planner from joining every member instead).
       limit 1) x on true
     where g.member_id is null or x.erased = false
     group by 1, 2`,
    values,
  );
}

function soldBySource(tx: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  return tx.query<Row>(
    `with ${summedAndGaps('receipt_days')}
     select s->>0 as source, s->>1 as channel, (s->>2)::bigint as receipts, (s->>3)::bigint as revenue
     from summed cross join jsonb_array_elements(summed.sources) s
     union all
     select t.* from gaps cross join lateral (${bySourceSql('gaps.s', 'gaps.e')}) t`,
    [programId, from, to, timezone],
  );
}
