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

export interface SourceResult {
  source: string | null;
  channel: string | null;
  joined: number;
  buyers: number;
  repeaters: number;
  active: number;
  receipts: number;
  revenue: number;
}

/**
 * Acquisition sources and sign-up channels: members who joined in the period, how many of them bought and bought
 * again (on a later day), the members of the source who bought in the period, and their receipts and revenue.
 * Two statements side by side: the members, with who bought from their buying days; the receipts and revenue
 * from the daily sums and the receipts of the days not summed.
 */
export async function sourceResults(db: Db, programId: string, from: Date, to: Date, timezone: string): Promise<SourceResult[]> {
  const [members, sold] = await Promise.all([asReport(db, (tx) => membersBySource(tx, programId, from, to, timezone)), asReport(db, (tx) => soldBySource(tx, programId, from, to, timezone))]);
  const key = (r: { source: string | null; channel: string | null }) => JSON.stringify([r.source, r.channel]);
  const results = new Map<string, SourceResult>();
  const of = (r: { source: string | null; channel: string | null }) => {
    const known = results.get(key(r));
    if (known) return known;
    const fresh = { source: r.source, channel: r.channel, joined: 0, buyers: 0, repeaters: 0, active: 0, receipts: 0, revenue: 0 };
    results.set(key(r), fresh);
    return fresh;
  };
  for (const m of members) Object.assign(of(m), { joined: Number(m.joined), buyers: Number(m.buyers), repeaters: Number(m.repeaters), active: Number(m.active) });
  for (const s of sold) {
    const result = of(s);
    result.receipts += Number(s.receipts);
    result.revenue += Number(s.revenue);
  }
  return [...results.values()]
    .filter((r) => r.joined > 0 || r.active > 0)
    .sort((a, b) => b.revenue - a.revenue || b.joined - a.joined || key(a).localeCompare(key(b)));
}

type Source = { source: string | null; channel: string | null };

async function membersBySource(tx: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  const values: unknown[] = [programId, from, to];
  const counted = countedSql((v) => `$${values.push(v)}`, timezone, await foldedDays(tx, programId, timezone), [{ from, to }]);
  const joined = 'm.created_at >= $2 and m.created_at < $3';
  return tx.query<Source & { joined: number; buyers: number; repeaters: number; active: number }>(
    `with ${counted.sql}
     select m.source, m.channel, count(*) filter (where ${joined}) as joined,
       count(*) filter (where ${joined} and m.purchases > 0) as buyers,
       count(*) filter (where ${joined} and m.last_purchase_at - m.first_purchase_at >= interval '1 day') as repeaters,
       count(*) filter (where c.n0 > 0) as active
     from members m left join counted c on c.member_id = m.id collate "C"
     where m.program_id = $1 and m.erased_at is null
     group by 1, 2`,
    values,
  );
}

function soldBySource(tx: Queryable, programId: string, from: Date, to: Date, timezone: string) {
  return tx.query<Source & { receipts: number; revenue: number }>(
    `with ${summedAndGaps('receipt_days')}
     select s->>0 as source, s->>1 as channel, (s->>2)::bigint as receipts, (s->>3)::bigint as revenue
     from summed cross join jsonb_array_elements(summed.sources) s
     union all
     select t.* from gaps cross join lateral (${bySourceSql('gaps.s', 'gaps.e')}) t`,
    [programId, from, to, timezone],
  );
}
