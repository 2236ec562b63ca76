import type { SalesTally } from '../domain/kpis.ts';
import type { Queryable } from './db.ts';
import type { Grouping } from './nps.ts';

/**
 * What a report may be narrowed to: receipts at a store or through a channel, sold to members of a tier (at the
 * time of the sale), and members of a segment or an acquisition source (which leaves anonymous receipts out).
 */
export interface KpiFilters {
  store?: string | undefined;
  channel?: string | undefined;
  tier?: string | undefined;
  segment?: string | undefined;
  source?: string | undefined;
}

/** A statement's parameters: $1 the programme, $2 and $3 the period, $4 the time zone, then the filters'. */
class Params {
  readonly values: unknown[];
  constructor(programId: string, from: Date, to: Date, timezone: string) {
    this.values = [programId, from, to, timezone];
  }
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** The confirmed receipts of the period `$2`–`$3` the filters let through, with the bucket of `group` each falls in. */
function sales(f: KpiFilters, p: Params, group: Grouping | null, from = '$2', to = '$3') {
  const where = [`r.program_id = $1`, `r.status = 'confirmed'`, `r.purchased_at >= ${from}`, `r.purchased_at < ${to}`];
  if (f.store) where.push(`r.store_code = ${p.add(f.store)}`);
  if (f.channel) where.push(`exists (select 1 from stores s where s.program_id = r.program_id and s.code = r.store_code and s.channel = ${p.add(f.channel)})`);
  if (f.tier) where.push(`r.tier_code = ${p.add(f.tier)}`);
  if (f.source) where.push(`exists (select 1 from members m where m.program_id = r.program_id and m.id = r.member_id and m.source = ${p.add(f.source)})`);
  if (f.segment) where.push(`exists (select 1 from segment_members sm where sm.program_id = r.program_id and sm.segment = ${p.add(f.segment)} and sm.member_id = r.member_id)`);
  const start = group ? `to_char(date_trunc('${group}', r.purchased_at at time zone $4), 'YYYY-MM-DD')` : `'total'`;
  return `select r.member_id, r.total, ${start} as start from receipts r where ${where.join(' and ')}`;
}

/** Members the filters let through that count for a period: not erased, of the source, tier, sign-up channel or segment. */
function members(f: KpiFilters, p: Params) {
  const where = ['m.program_id = $1', 'm.erased_at is null'];
  if (f.channel) where.push(`m.channel = ${p.add(f.channel)}`);
  if (f.tier) where.push(`m.tier_code = ${p.add(f.tier)}`);
  if (f.source) where.push(`m.source = ${p.add(f.source)}`);
  if (f.segment) where.push(`exists (select 1 from segment_members sm where sm.program_id = m.program_id and sm.segment = ${p.add(f.segment)} and sm.member_id = m.id)`);
  return where.join(' and ');
}

type TallyRow = { start: string | null; receipts: number; member_receipts: number; revenue: number; member_revenue: number; active: number; repeaters: number; joined: number };
const toTally = (r: TallyRow | undefined): SalesTally & { joined: number } => ({
  receipts: Number(r?.receipts ?? 0),
  memberReceipts: Number(r?.member_receipts ?? 0),
  revenue: Number(r?.revenue ?? 0),
  memberRevenue: Number(r?.member_revenue ?? 0),
  activeMembers: Number(r?.active ?? 0),
  repeatMembers: Number(r?.repeaters ?? 0),
  joined: Number(r?.joined ?? 0),
});

export interface KpiAsk {
  from: Date;
  to: Date;
  timezone: string;
  group: Grouping;
  filters: KpiFilters;
}

/**
 * The period's receipts and buying members in all and by bucket (day, ISO week or month in the programme's time
 * zone), members who joined, and churn against the period of the same length before — in two statements.
 */
export async function salesTallies(db: Queryable, programId: string, q: KpiAsk) {
  const p = new Params(programId, q.from, q.to, q.timezone);
  const sold = sales(q.filters, p, q.group);
  const joinedWhere = members(q.filters, p);
  const rows = await db.query<TallyRow>(
    `with sold as (${sold}),
     by_receipts as (
       select start, count(*) as receipts, count(member_id) as member_receipts, coalesce(sum(total), 0) as revenue,
         coalesce(sum(total) filter (where member_id is not null), 0) as member_revenue
       from sold group by grouping sets ((start), ())),
     by_members as (
       select start, count(*) as active, count(*) filter (where n >= 2) as repeaters
       from (select start, member_id, count(*) as n from sold where member_id is not null group by grouping sets ((start, member_id), (member_id))) b
       group by start),
     joined as (
       select start, count(*) as joined from (
         select to_char(date_trunc('${q.group}', m.created_at at time zone $4), 'YYYY-MM-DD') as start from members m
         where ${joinedWhere} and m.created_at >= $2 and m.created_at < $3) j
       group by grouping sets ((start), ()))
     -- One row a bucket and one (start null) for the whole period: grouping treats the nulls as one.
     select start, sum(receipts) as receipts, sum(member_receipts) as member_receipts, sum(revenue) as revenue, sum(member_revenue) as member_revenue,
       sum(active) as active, sum(repeaters) as repeaters, sum(joined) as joined
     from (select start, receipts, member_receipts, revenue, member_revenue, 0 as active, 0 as repeaters, 0 as joined from by_receipts
           union all select start, 0, 0, 0, 0, active, repeaters, 0 from by_members
           union all select start, 0, 0, 0, 0, 0, 0, joined from joined) t
     group by start
     order by 1 nulls first`,
    p.values,
  );
  const total = rows.find((r) => r.start === null);
  return { total: toTally(total), buckets: rows.filter((r) => r.start !== null).map((r) => ({ start: r.start as string, ...toTally(r) })) };
}

/** Members the filters let through: all who joined before the period's end, and those who joined in it. */
export async function memberCounts(db: Queryable, programId: string, q: KpiAsk) {
  const p = new Params(programId, q.from, q.to, q.timezone);
  const [row] = await db.query<{ total: number; joined: number }>(
    `select count(*) filter (where m.created_at < $3) as total, count(*) filter (where m.created_at >= $2 and m.created_at < $3) as joined
     from members m where ${members(q.filters, p)} and ($4::text) is not null`,
    p.values,
  );
  return { total: Number(row?.total ?? 0), joined: Number(row?.joined ?? 0) };
}

/** Members who bought in the period before (of the same length) and how many of them bought again in this one. */
export async function churnCounts(db: Queryable, programId: string, q: KpiAsk) {
  const before = new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime()));
  const p = new Params(programId, q.from, q.to, q.timezone);
  const start = p.add(before);
  const now = sales(q.filters, p, null);
  const then = sales(q.filters, p, null, start, '$2');
  const [row] = await db.query<{ before: number; stayed: number }>(
    `with buying as (select distinct member_id from (${now}) s where member_id is not null and ($4::text) is not null),
          bought as (select distinct member_id from (${then}) s where member_id is not null)
     select count(*) as before, count(*) filter (where exists (select 1 from buying where buying.member_id = bought.member_id)) as stayed from bought`,
    p.values,
  );
  return { activeBefore: Number(row?.before ?? 0), stayed: Number(row?.stayed ?? 0) };
}

/**
 * Monthly cohorts of first purchase (in the programme's time zone) whose first month falls in the period: each
 * cohort's size and, for each month since, how many of its members bought in that month.
 */
export async function retentionCohorts(db: Queryable, programId: string, q: KpiAsk & { until: Date }) {
  const p = new Params(programId, q.from, q.to, q.timezone);
  const until = p.add(q.until);
  const rows = await db.query<{ cohort: string; age: number; buyers: number }>(
    `with firsts as (
       select r.member_id, date_trunc('month', min(r.purchased_at) at time zone $4) as cohort
       from receipts r join members m on m.program_id = r.program_id and m.id = r.member_id
       where r.program_id = $1 and r.status = 'confirmed' and r.member_id is not null and ${members(q.filters, p)}
       group by r.member_id
       having min(r.purchased_at) >= $2 and min(r.purchased_at) < $3),
     months as (
       select distinct f.member_id, f.cohort, date_trunc('month', r.purchased_at at time zone $4) as month
       from firsts f join receipts r on r.program_id = $1 and r.member_id = f.member_id
       where r.status = 'confirmed' and r.purchased_at < ${until})
     select to_char(cohort, 'YYYY-MM') as cohort,
       ((extract(year from month) - extract(year from cohort)) * 12 + extract(month from month) - extract(month from cohort))::int as age,
       count(*) as buyers
     from months group by 1, 2 order by 1, 2`,
    p.values,
  );
  const cohorts = new Map<string, number[]>();
  for (const r of rows) {
    const ages = cohorts.get(r.cohort) ?? [];
    ages[r.age] = Number(r.buyers);
    cohorts.set(r.cohort, ages);
  }
  return [...cohorts].map(([cohort, ages]) => ({ cohort, size: ages[0] ?? 0, buyers: Array.from({ length: ages.length }, (_, i) => ages[i] ?? 0) }));
}
