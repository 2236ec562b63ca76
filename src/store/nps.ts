import type { Queryable } from './db.ts';

/** Survey answers on the 0–10 scale, by kind: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsTally {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Net promoter score: promoters' share less detractors', in points from −100 to 100; null without answers. */
export const nps = (t: NpsTally): number | null => (t.responses ? ((t.promoters - t.detractors) / t.responses) * 100 : null);

export type Grouping = 'day' | 'week' | 'month';

const tally = `count(*) as responses, count(*) filter (where score >= 9) as promoters,
  count(*) filter (where score between 7 and 8) as passives, count(*) filter (where score <= 6) as detractors`;

// A survey action counts when its `score` attribute is a whole number from 0 to 10.
const scores = `select occurred_at, attributes->>'storeCode' as store_code, (attributes->>'score')::int as score
  from member_events
  where program_id = $1 and type = 'survey' and occurred_at >= $2 and occurred_at < $3
    and attributes->>'score' ~ '^(10|[0-9])$' and ($4::text is null or attributes->>'storeCode' = $4)`;

type Row = { responses: number; promoters: number; passives: number; detractors: number };
const toTally = (r: Row | undefined): NpsTally => ({
  responses: Number(r?.responses ?? 0),
  promoters: Number(r?.promoters ?? 0),
  passives: Number(r?.passives ?? 0),
  detractors: Number(r?.detractors ?? 0),
});

interface Period {
  from: Date;
  to: Date;
  store: string | null;
}

/** The survey scores of a period in all. */
export async function surveyTotal(db: Queryable, programId: string, q: Period): Promise<NpsTally> {
  const [total] = await db.query<Row>(`select ${tally} from (${scores}) s`, [programId, q.from, q.to, q.store]);
  return toTally(total);
}

/** The survey scores of a period: in all, by period (day, ISO week or month in the programme's time zone) and by store. */
export async function surveyTallies(db: Queryable, programId: string, q: Period & { group: Grouping; timezone: string }) {
  const params = [programId, q.from, q.to, q.store];
  const periods = await db.query<Row & { start: string }>(
    `select to_char(date_trunc('${q.group}', occurred_at at time zone $5), 'YYYY-MM-DD') as start, ${tally} from (${scores}) s group by 1 order by 1`,
    [...params, q.timezone],
  );
  const stores = await db.query<Row & { store_code: string | null }>(`select store_code, ${tally} from (${scores}) s group by 1 order by 1 nulls last`, params);
  return {
    total: await surveyTotal(db, programId, q),
    periods: periods.map((p) => ({ start: p.start, ...toTally(p) })),
    stores: stores.map((s) => ({ storeCode: s.store_code, ...toTally(s) })),
  };
}
