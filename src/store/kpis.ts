import type { SalesTally } from '../domain/kpis.ts';
import { asReport, type Db, type Queryable } from './db.ts';
import { DateTime } from 'luxon';
import { countedSql, foldedDays, memberActivity, monthBuyers, type Span } from './member-days.ts';
import type { Grouping } from './nps.ts';
import { dailySums, type OverviewDay } from './overview.ts';

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

/** The confirmed receipts from `from` to `$3` the filters let through. */
function sales(f: KpiFilters, p: Params, from: string, columns: string) {
  const where = [`r.program_id = $1`, `r.status = 'confirmed'`, `r.purchased_at >= ${from}`, `r.purchased_at < $3`];
  if (f.store) where.push(`r.store_code = ${p.add(f.store)}`);
  if (f.channel) where.push(`exists (select 1 from stores s where s.program_id = r.program_id and s.code = r.store_code and s.channel = ${p.add(f.channel)})`);
  if (f.tier) where.push(`r.tier_code = ${p.add(f.tier)}`);
  if (f.source) where.push(`exists (select 1 from members m where m.program_id = r.program_id and m.id = r.member_id and m.source = ${p.add(f.source)})`);
  if (f.segment) where.push(`exists (select 1 from segment_members sm where sm.program_id = r.program_id and sm.segment = ${p.add(f.segment)} and sm.member_id = r.member_id)`);
  return `select ${columns} from receipts r where ${where.join(' and ')}`;
}

/** Members the filters let through that count for a period: not erased, of the source, tier, sign-up channel or segment. */
function members(f: KpiFilters, p: Pick<Params, 'add'>) {
  const where = ['m.program_id = $1', 'm.erased_at is null'];
  if (f.channel) where.push(`m.channel = ${p.add(f.channel)}`);
  if (f.tier) where.push(`m.tier_code = ${p.add(f.tier)}`);
  if (f.source) where.push(`m.source = ${p.add(f.source)}`);
  if (f.segment) where.push(`exists (select 1 from segment_members sm where sm.program_id = m.program_id and sm.segment = ${p.add(f.segment)} and sm.member_id = m.id)`);
  return where.join(' and ');
}

type TallyRow = { start: string | null; receipts: number; member_receipts: number; revenue: number; member_revenue: number; active: number; repeaters: number };
const toTally = (r: TallyRow | undefined): SalesTally => ({
  receipts: Number(r?.receipts ?? 0),
  memberReceipts: Number(r?.member_receipts ?? 0),
  revenue: Number(r?.revenue ?? 0),
  memberRevenue: Number(r?.member_revenue ?? 0),
  activeMembers: Number(r?.active ?? 0),
  repeatMembers: Number(r?.repeaters ?? 0),
});

export interface KpiAsk {
  from: Date;
  to: Date;
  timezone: string;
  group: Grouping;
  filters: KpiFilters;
}

type Tally = SalesTally & { joined: number };
export interface Tallies {
  total: Tally & { churn: { activeBefore: number; stayed: number } };
  previous: Tally & { churn: { activeBefore: number; stayed: number } };
  buckets: (Tally & { start: string })[];
  /** Members the filters let through who had joined by the period's end, and by its start. */
  members: { total: number; before: number };
}

/** Member activity is counted from the members' buying days when a series has at most this many points. */
const FOLDED_POINTS = 62;

/**
 * The period's receipts and buying members in all and by bucket (day, ISO week or month in the programme's time
 * zone), members who joined in each, and the same totals for `before` more periods of the same length just before
 * it, with churn between each and the one before. Without filters, from the daily sums and the members' buying
 * days, their statements side by side on connections of their own; narrowed to a store, a channel, a tier, a
 * segment or a source, from the receipts.
 */
export async function salesTallies(db: Db, programId: string, q: KpiAsk, before: 1 | 2): Promise<Tallies> {
  const filtered = Object.values(q.filters).some((v) => v !== undefined);
  const starts = bucketStarts(q);
  if (filtered || starts.length > FOLDED_POINTS) return scannedTallies(db, programId, q, before);
  return foldedTallies(db, programId, q, before, starts);
}

const unit = (group: Grouping) => (group === 'day' ? 'days' : group === 'week' ? 'weeks' : 'months');
/** The first day of the bucket (day, ISO week or month) holding a calendar day, 'YYYY-MM-DD' both. */
function bucketOf(day: string, group: Grouping): string {
  if (group === 'day') return day;
  if (group === 'month') return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The first day of each bucket the period touches, in the programme's time zone. */
function bucketStarts(q: KpiAsk): string[] {
  const starts: string[] = [];
  const end = DateTime.fromJSDate(q.to, { zone: q.timezone });
  for (let b = DateTime.fromJSDate(q.from, { zone: q.timezone }).startOf(q.group); b < end; b = b.plus({ [unit(q.group)]: 1 })) starts.push(b.toISODate() as string);
  return starts;
}

/** The bucket starting on `start`, cut to the period. */
function bucketSpan(q: KpiAsk, start: string): Span {
  const b = DateTime.fromISO(start, { zone: q.timezone });
  return { from: new Date(Math.max(q.from.getTime(), b.toMillis())), to: new Date(Math.min(q.to.getTime(), b.plus({ [unit(q.group)]: 1 }).toMillis())) };
}

async function foldedTallies(db: Db, programId: string, q: KpiAsk, before: 1 | 2, starts: string[]): Promise<Tallies> {
  const length = q.to.getTime() - q.from.getTime();
  const periods = [0, 1, 2].slice(0, before + 1).map((k) => ({ from: new Date(q.from.getTime() - k * length), to: new Date(q.to.getTime() - k * length) }));
  // A whole month already counted is read as counted; the rest member by member.
  const counted = q.group === 'month' && (await foldedDays(db, programId, q.timezone)) ? await monthBuyers(db, programId) : new Map<string, { active: number; repeaters: number }>();
  const whole = (start: string) => {
    const span = bucketSpan(q, start);
    const month = DateTime.fromISO(start, { zone: q.timezone });
    return span.from.getTime() === month.toMillis() && span.to.getTime() === month.plus({ months: 1 }).toMillis() ? counted.get(start) : undefined;
  };
  const looked = starts.filter((start) => !whole(start));
  // Spans 0..before are the periods, then the buckets looked at; churn compares each period with the one before it.
  const spans = [...periods, ...looked.map((start) => bucketSpan(q, start))];
  const pairs: [number, number][] = before === 2 ? [[0, 1], [1, 2]] : [[0, 1]];
  const [now, previous, joined, activity] = await Promise.all([
    asReport(db, (tx) => dailySums(tx, programId, q.from, q.to, q.timezone)),
    asReport(db, (tx) => dailySums(tx, programId, periods[1]!.from, periods[1]!.to, q.timezone)),
    asReport(db, (tx) => joinedTallies(tx, programId, q, starts)),
    asReport(db, (tx) => memberActivity(tx, programId, q.timezone, spans, pairs)),
  ]);
  const sums = (days: OverviewDay[]) => ({
    receipts: days.reduce((n, d) => n + d.receipts, 0),
    memberReceipts: days.reduce((n, d) => n + d.memberReceipts, 0),
    revenue: days.reduce((n, d) => n + d.revenue, 0),
    memberRevenue: days.reduce((n, d) => n + d.memberRevenue, 0),
  });
  const buyers = (i: number) => ({ activeMembers: activity.spans[i]?.active ?? 0, repeatMembers: activity.spans[i]?.repeaters ?? 0 });
  const bucketBuyers = (start: string) => {
    const known = whole(start);
    return known ? { activeMembers: known.active, repeatMembers: known.repeaters } : buyers(periods.length + looked.indexOf(start));
  };
  const churn = (k: number) => (k + 1 < periods.length ? { activeBefore: activity.spans[k + 1]?.active ?? 0, stayed: activity.both[k] ?? 0 } : { activeBefore: 0, stayed: 0 });
  // A bucket is in the series when it has a receipt or a newcomer.
  const daysOf = new Map<string, OverviewDay[]>();
  const sold = new Set<string>();
  for (const d of now) {
    const bucket = bucketOf(d.day, q.group);
    const days = daysOf.get(bucket) ?? [];
    days.push(d);
    daysOf.set(bucket, days);
    if (d.receipts > 0) sold.add(bucket);
  }
  return {
    total: { ...sums(now), ...buyers(0), joined: joined.now, churn: churn(0) },
    previous: { ...sums(previous), ...buyers(1), joined: joined.previous, churn: churn(1) },
    members: joined.members,
    buckets: starts.flatMap((start) =>
      sold.has(start) || joined.buckets.has(start)
        ? [{ start, ...sums(daysOf.get(start) ?? []), ...bucketBuyers(start), joined: joined.buckets.get(start) ?? 0 }]
        : [],
    ),
  };
}

/**
 * Members the filters let through who joined in the period, in the one before and in each bucket of the period
 * (`starts`, in order), and all who had joined by the period's end and by its start: in one scan of the members,
 * each member's time of joining placed among the buckets' bounds.
 */
async function joinedTallies(db: Queryable, programId: string, q: KpiAsk, starts: string[]) {
  const p = new Params(programId, q.from, q.to, q.timezone);
  const bounds = [new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime())), ...starts.map((start) => bucketSpan(q, start).from), q.to];
  // The time zone ($4) plays no part here; naming it gives the statement the parameters it is sent.
  const rows = await db.query<{ bucket: number; n: number }>(
    `select width_bucket(m.created_at, ${p.add(bounds)}::timestamptz[]) as bucket, count(*) as n
     from members m where ${members(q.filters, p)} and m.created_at < $3 and ($2::timestamptz, $4::text) is not null
     group by 1`,
    p.values,
  );
  // Bucket 0 is before the period before, 1 the period before, 2 the period's first bucket, and so on.
  const count = (bucket: number) => Number(rows.find((r) => Number(r.bucket) === bucket)?.n ?? 0);
  const buckets = new Map(starts.flatMap((start, i) => (count(i + 2) > 0 ? [[start, count(i + 2)] as const] : [])));
  const now = [...buckets.values()].reduce((n, k) => n + k, 0);
  const before = count(0) + count(1);
  return { now, previous: count(1), buckets, members: { total: before + now, before } };
}

/** `salesTallies` read from the receipts, in one scan of them, beside the scan of the members for who joined when. */
export async function scannedTallies(db: Db, programId: string, q: KpiAsk, before: 1 | 2): Promise<Tallies> {
  const length = q.to.getTime() - q.from.getTime();
  const p = new Params(programId, q.from, q.to, q.timezone);
  const starts = [1, 2].map((k) => p.add(new Date(q.from.getTime() - k * length)));
  const earliest = starts[before] ?? starts[1]!;
  // Period 0 is the one asked for, 1 the one before, 2 the one before that (for the churn of period 1).
  const period = `case when r.purchased_at >= $2 then 0 when r.purchased_at >= ${starts[0]} then 1 else 2 end`;
  const bucket = `case when r.purchased_at >= $2 then date_trunc('${q.group}', r.purchased_at at time zone $4) end`;
  // Grouped by the member's id as bytes: a collation's order would cost a third of the statement.
  const sold = sales(q.filters, p, before === 2 ? earliest : starts[0]!, `${period} as period, ${bucket} as start, r.member_id collate "C" as member_id, r.total`);
  const statement = `with per as (
       select period, start, member_id, count(*) as n, sum(total) as revenue from (${sold}) s group by 1, 2, 3),
     buyers as (
       select period, member_id, sum(n) as n from per where member_id is not null group by 1, 2),
     buckets as (
       select 0 as period, start, sum(n) as receipts, coalesce(sum(n) filter (where member_id is not null), 0) as member_receipts,
         sum(revenue) as revenue, coalesce(sum(revenue) filter (where member_id is not null), 0) as member_revenue,
         count(member_id) as active, count(member_id) filter (where n >= 2) as repeaters, 0 as before, 0 as stayed
       from per where period = 0 group by start),
     totals as (
       select period, null::timestamp as start, sum(n) as receipts, coalesce(sum(n) filter (where member_id is not null), 0) as member_receipts,
         sum(revenue) as revenue, coalesce(sum(revenue) filter (where member_id is not null), 0) as member_revenue,
         0 as active, 0 as repeaters, 0 as before, 0 as stayed
       from per group by period),
     actives as (
       select period, null::timestamp as start, 0, 0, 0, 0, count(*) as active, count(*) filter (where n >= 2) as repeaters, 0, 0
       from buyers group by period),
     churn as (
       select b.period - 1 as period, null::timestamp as start, 0, 0, 0, 0, 0, 0, count(*) as before, count(a.member_id) as stayed
       from buyers b left join buyers a on a.period = b.period - 1 and a.member_id = b.member_id
       where b.period >= 1 group by b.period)
     select period, to_char(start, 'YYYY-MM-DD') as start, sum(receipts) as receipts, sum(member_receipts) as member_receipts, sum(revenue) as revenue,
       sum(member_revenue) as member_revenue, sum(active) as active, sum(repeaters) as repeaters, sum(before) as before, sum(stayed) as stayed
     from (select * from buckets union all select * from totals union all select * from actives union all select * from churn) t
     where period <= 1 and ${starts[1]}::timestamptz is not null
     group by period, start
     order by period, start nulls first`;
  const [rows, joined] = await Promise.all([
    asReport(db, (tx) => tx.query<TallyRow & { period: number; before: number; stayed: number }>(statement, p.values)),
    asReport(db, (tx) => joinedTallies(tx, programId, q, bucketStarts(q))),
  ]);
  const totalOf = (k: number) => {
    const r = rows.find((x) => Number(x.period) === k && x.start === null);
    return { ...toTally(r), joined: k === 0 ? joined.now : joined.previous, churn: { activeBefore: Number(r?.before ?? 0), stayed: Number(r?.stayed ?? 0) } };
  };
  const byStart = new Map(rows.filter((r) => Number(r.period) === 0 && r.start !== null).map((r) => [r.start as string, toTally(r)]));
  return {
    total: totalOf(0),
    previous: totalOf(1),
    members: joined.members,
    buckets: [...new Set([...byStart.keys(), ...joined.buckets.keys()])].sort().map((start) => ({ start, ...toTally(undefined), ...byStart.get(start), joined: joined.buckets.get(start) ?? 0 })),
  };
}

/** Months of a member's pattern kept in one bigint column of `retentionCohorts`. */
const MONTHS_A_COLUMN = 62;

/**
 * Monthly cohorts of first purchase (in the programme's time zone) whose first month falls in the period: each
 * cohort's size and, for each month since up to `until`, how many of its members bought in that month. From the
 * members' buying days, in one pass over a row a member: each member's months with a purchase become bits, and
 * members are counted by their pattern (a year has at most a few thousand), so the cohorts are worked out from a
 * short list rather than by sorting every member.
 */
export async function retentionCohorts(db: Queryable, programId: string, q: KpiAsk & { until: Date }) {
  const values: unknown[] = [programId];
  const p = { add: (v: unknown) => `$${values.push(v)}` };
  // Span 0 is everything before the period (a member who bought then is in no cohort), then each month to `until`.
  const months: { label: string; span: Span }[] = [];
  const end = DateTime.fromJSDate(q.until, { zone: q.timezone });
  for (let m = DateTime.fromJSDate(q.from, { zone: q.timezone }).startOf('month'); m < end; m = m.plus({ months: 1 })) {
    const span = { from: new Date(Math.max(q.from.getTime(), m.toMillis())), to: new Date(Math.min(q.until.getTime(), m.plus({ months: 1 }).toMillis())) };
    months.push({ label: m.toFormat('yyyy-MM'), span });
  }
  // The first receipt must fall before the period's end: in the month holding it, only the part before counts.
  const lastStarts = DateTime.fromJSDate(q.to, { zone: q.timezone }).startOf('month');
  const spans = [{ from: new Date(0), to: q.from }, ...months.map((m) => m.span), { from: new Date(Math.max(q.from.getTime(), lastStarts.toMillis())), to: q.to }];
  const counted = countedSql((v) => p.add(v), q.timezone, await foldedDays(db, programId, q.timezone), spans);
  // Bit j of the pattern is month j; the bit after the last month is the part of the last month before the end.
  const bits = months.length + 1;
  const columns = Array.from({ length: Math.ceil(bits / MONTHS_A_COLUMN) }, (_, c) =>
    Array.from({ length: Math.min(MONTHS_A_COLUMN, bits - c * MONTHS_A_COLUMN) }, (_, k) => `((n${c * MONTHS_A_COLUMN + k + 1} > 0)::int::int8 << ${k})`).join(' | '),
  );
  const rows = await db.query<Record<string, string | number>>(
    `with ${counted.sql}
     select ${columns.map((c, i) => `${c} as p${i}`).join(', ')}, count(*) as n
     from counted c
     where c.n0 = 0 and ${
       // Unfiltered, only the erased are left out: a look-up of those few instead of a join with every member.
       Object.values(q.filters).some((v) => v !== undefined)
         ? `c.member_id in (select m.id collate "C" from members m where ${members(q.filters, p)})`
         : `c.member_id not in (select m.id collate "C" from members m where m.program_id = $1 and m.erased_at is not null)`
     }
     group by ${columns.map((_, i) => `p${i}`).join(', ')}`,
    values,
  );
  const lastMonth = months.findIndex((m) => m.label === lastStarts.toFormat('yyyy-MM'));
  // For each cohort, its buyers in each month since the period's first.
  const cohorts = months.map(() => months.map(() => 0));
  for (const row of rows) {
    const columnsOf = columns.map((_, i) => BigInt(row[`p${i}`] ?? 0));
    const bought = (j: number) => ((columnsOf[Math.floor(j / MONTHS_A_COLUMN)]! >> BigInt(j % MONTHS_A_COLUMN)) & 1n) === 1n;
    const first = months.findIndex((_, j) => bought(j));
    // The first purchase falls in the period: before its last month, or in it before the period's end.
    if (first < 0 || (lastMonth >= 0 && (first > lastMonth || (first === lastMonth && !bought(months.length))))) continue;
    const n = Number(row.n);
    const buyers = cohorts[first]!;
    for (let j = first; j < months.length; j++) if (bought(j)) buyers[j] = (buyers[j] ?? 0) + n;
  }
  return cohorts.flatMap((buyers, cohort) => {
    const size = buyers[cohort] ?? 0;
    return size > 0 ? [{ cohort: months[cohort]?.label as string, size, buyers: buyers.slice(cohort) }] : [];
  });
}
