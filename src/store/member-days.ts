import { DateTime } from 'luxon';
import type { Queryable } from './db.ts';

// Each member's buying days as bits (migration 036): the daily-totals job folds closed days in; a report counts
// active members, repeat buyers and those who stayed from one row a member, and reads only the receipts of the
// days not folded yet (today, a period's partial first and last day).

/** How many days one transaction of the job folds. */
const DAYS_AT_ONCE = 31;

/**
 * Folds the next settled receipts into the members' bits: from the instant the fold has reached (or the first
 * receipt's day) up to a month on, or to the last whole hour that ended an hour ago, as the day sums are summed
 * (src/store/overview.ts), so that today's settled hours are folded too; starting over when the programme's time
 * zone changed. A day folded in part has its bits set by the receipts before the instant reached, and later hours
 * add to them: a member marked that day who bought again is marked as buying several times. To be called under
 * `receipt_days_sum_lock`, which a late receipt takes shared to mend its member's bits. `at` is the time it is
 * (the database's clock when not given). Returns the number of hours folded.
 */
export async function foldMemberDays(tx: Queryable, programId: string, timezone: string, at: Date | null = null): Promise<number> {
  const [stale] = await tx.query('delete from member_days_folded where program_id = $1 and timezone <> $2 returning 1', [programId, timezone]);
  if (stale) await forgetMemberDays(tx, programId);
  // The stretch from..to, its first day, and how many days it touches (its last instant's day included).
  const [next] = await tx.query<{ from: Date | null; to: Date; a: string; length: number }>(
    `with s as (
       select coalesce((select ends from member_days_folded where program_id = $1),
         (select date_trunc('day', min(purchased_at) at time zone $2) at time zone $2 from receipts where program_id = $1)) as from),
     t as (select s.from, least(((s.from at time zone $2)::date + ${DAYS_AT_ONCE})::timestamp at time zone $2, date_trunc('hour', coalesce($3::timestamptz, now()) - interval '1 hour')) as to from s)
     select t.from, t.to, to_char((t.from at time zone $2)::date, 'YYYY-MM-DD') as a,
       ((t.to - interval '1 microsecond') at time zone $2)::date - (t.from at time zone $2)::date + 1 as length
     from t`,
    [programId, timezone, at],
  );
  if (!next?.from || next.from >= next.to) return 0;
  const { from, to, a, length } = next;
  // Rows of members who bought in the stretch get its days' bits laid over theirs (a day folded in part before
  // comes first); others are left as they are. A new row takes the member's source, channel and erasure, which a
  // change of the member keeps current from then on.
  const padded = (bits: string) => `(member_days.${bits} || repeat('0', $3::date - member_days.since + $6 - length(member_days.${bits}))::varbit)`;
  const shifted = (bits: string) => `(repeat('0', $3::date - member_days.since)::varbit || excluded.${bits})`;
  await tx.query(
    `with bought as (
       select member_id, (purchased_at at time zone $2)::date - $3::date as i, count(*) as n
       from receipts
       where program_id = $1 and status = 'confirmed' and member_id is not null and purchased_at >= $4 and purchased_at < $5
       group by 1, 2),
     zeros as (select repeat('0', $6)::varbit as z)
     insert into member_days (program_id, member_id, since, days, several, source, channel, erased)
     select $1, b.member_id, $3::date, bit_or(set_bit(z, i, 1)), bit_or(set_bit(z, i, (n > 1)::int)), m.source, m.channel, m.erased_at is not null
     from bought b join members m on m.program_id = $1 and m.id = b.member_id, zeros
     group by b.member_id, m.source, m.channel, m.erased_at
     on conflict (program_id, member_id) do update set
       days = ${padded('days')} | ${shifted('days')},
       several = ${padded('several')} | ${shifted('several')} | (${padded('days')} & ${shifted('days')})`,
    [programId, timezone, a, from, to, length],
  );
  await tx.query(
    `insert into member_days_folded (program_id, timezone, since, until, ends) values ($1, $2, ($3 at time zone $2)::date, ($4 at time zone $2)::date, $4)
     on conflict (program_id) do update set until = excluded.until, ends = excluded.ends`,
    [programId, timezone, from, to],
  );
  // The buying days' running totals of receipts and money, and the categories' last days, of the members who
  // bought in the stretch, from their folded receipts (migration 046).
  await tx.query(
    `select member_totals_count($1, array(select distinct member_id from receipts where program_id = $1 and member_id is not null and status = 'confirmed'
       and purchased_at >= $2 and purchased_at < $3))`,
    [programId, from, to],
  );
  return Math.ceil((to.getTime() - from.getTime()) / 3_600_000);
}

/**
 * Counts the buyers of each whole folded month that has no count yet (a month closed since, or one a late receipt
 * reopened), from the members' bits. To be called under `receipt_days_sum_lock`. Returns the number of months counted.
 */
export async function countMonthBuyers(tx: Queryable, programId: string, timezone: string): Promise<number> {
  const folded = await foldedDays(tx, programId, timezone);
  if (!folded) return 0;
  const counted = new Set((await tx.query<{ month: string }>(`select to_char(month, 'YYYY-MM-DD') as month from month_buyers where program_id = $1`, [programId])).map((r) => r.month));
  const months: DateTime<true>[] = [];
  for (let m = folded.since.startOf('month'); m.plus({ months: 1 }) <= folded.until; m = m.plus({ months: 1 })) if (!counted.has(m.toISODate())) months.push(m);
  if (months.length === 0) return 0;
  const activity = await memberActivity(tx, programId, timezone, months.map((m) => ({ from: m.toJSDate(), to: m.plus({ months: 1 }).toJSDate() })), []);
  await tx.query(
    `insert into month_buyers (program_id, month, active, repeaters)
     select $1, m.month, m.active, m.repeaters from jsonb_to_recordset($2::jsonb) as m(month date, active integer, repeaters integer)`,
    [programId, JSON.stringify(months.map((m, i) => ({ month: m.toISODate(), ...activity.spans[i] })))],
  );
  return months.length;
}

/** The counted buyers of the programme's whole months, by the month's first day; to be read with `foldedDays`. */
export async function monthBuyers(db: Queryable, programId: string): Promise<Map<string, { active: number; repeaters: number }>> {
  const rows = await db.query<{ month: string; active: number; repeaters: number }>(
    `select to_char(month, 'YYYY-MM-DD') as month, active, repeaters from month_buyers where program_id = $1`,
    [programId],
  );
  return new Map(rows.map((r) => [r.month, { active: Number(r.active), repeaters: Number(r.repeaters) }]));
}

/** Drops the programme's folded days and month counts, for a rebuild; under `receipt_days_sum_lock`. */
export async function forgetMemberDays(tx: Queryable, programId: string): Promise<void> {
  await tx.query('delete from member_days_folded where program_id = $1', [programId]);
  await tx.query('delete from member_days where program_id = $1', [programId]);
  await tx.query('delete from member_totals where program_id = $1', [programId]);
  await tx.query('delete from month_buyers where program_id = $1', [programId]);
}

/** A stretch of time, from its first instant to the one after its last. */
export interface Span {
  from: Date;
  to: Date;
}

export interface Activity {
  /** Per span: members with a confirmed receipt in it, and those with two or more. */
  spans: { active: number; repeaters: number }[];
  /** Per pair of spans asked for: members with a receipt in both. */
  both: number[];
}

/**
 * The receipts folded into the members' bits: the days from `since` to the day before `until` whole, and those of
 * day `until` before `ends` (its first instant when none of it is folded), in the programme's time zone.
 */
export interface Folded {
  since: DateTime<true>;
  until: DateTime<true>;
  ends: DateTime<true>;
}

/**
 * What is folded into the members' bits in this time zone; null when nothing is (or in another time zone). A
 * report reads it and the bits in one snapshot (`asReport`), so that a fold committing between counts nothing twice.
 */
export async function foldedDays(db: Queryable, programId: string, timezone: string): Promise<Folded | null> {
  const [folded] = await db.query<{ since: string; until: string; ends: Date }>(
    `select to_char(since, 'YYYY-MM-DD') as since, to_char(until, 'YYYY-MM-DD') as until, ends from member_days_folded where program_id = $1 and timezone = $2`,
    [programId, timezone],
  );
  const since = DateTime.fromISO(folded?.since ?? '', { zone: timezone });
  const until = DateTime.fromISO(folded?.until ?? '', { zone: timezone });
  const ends = DateTime.fromJSDate(folded?.ends ?? new Date(Number.NaN), { zone: timezone });
  return since.isValid && until.isValid && ends.isValid ? { since, until, ends } : null;
}

/**
 * The whole days of a span that are folded, [first, last) in the time zone (none when they are equal); the rest
 * of the span, its partial first and last days and the days not folded yet, is its edges. A span without an end
 * runs to the last folded day.
 */
export function foldedPart(span: { from: Date; to: Date | null }, timezone: string, until: DateTime | undefined) {
  const start = DateTime.fromJSDate(span.from, { zone: timezone });
  const first = start.equals(start.startOf('day')) ? start : start.startOf('day').plus({ days: 1 });
  let last = span.to ? DateTime.fromJSDate(span.to, { zone: timezone }).startOf('day') : until ?? first;
  if (!until || until < last) last = until ?? first;
  if (last < first) last = first;
  return { first, last };
}

/**
 * The CTE `counted`, with a row per member with a folded buying day or a receipt in any of the spans: `member_id`;
 * `source`, `channel` and `erased` as the member's row of buying days keeps them (all null, as `since` is, for a
 * member who bought only on days not folded yet); for span i `n{i}`, their confirmed receipts in it counting a
 * folded day as one; and `repeated(i)`, the condition that they bought twice or more in it (looking at the days of
 * several receipts only when it has to).
 * Whole folded days come from the members' bits, the rest of each span (its partial first and last day, days not
 * folded yet) from its receipts; a span that runs past the instant the fold has reached reads the bits of that
 * instant's day too, and its receipts from that instant on. `$1` is the programme; `add` names a further
 * parameter. `folded` must be read in the snapshot the statement runs in (`foldedDays`).
 */
export function countedSql(add: (value: unknown) => string, timezone: string, folded: Folded | null, spans: Span[]) {
  const until = folded?.until;
  const edges: string[] = [];
  const counted = spans.map((span, i) => {
    // Nobody bought before the first folded day: a span that ends by then needs no looking at.
    if (folded && span.to <= folded.since.toJSDate()) return { edge: `0 as e${i}`, n: `0 as n${i}`, several: 'false' };
    const { first, last: whole } = foldedPart(span, timezone, until);
    // The day folded in part, when the span covers what of it is folded.
    const part = folded && +whole === +folded.until && folded.ends > folded.until && span.to >= folded.ends.toJSDate();
    const last = part ? whole.plus({ days: 1 }) : whole;
    const rest = part ? folded.ends : whole;
    const within = (s: Date, e: Date) => (s < e ? [`(r.purchased_at >= ${add(s)} and r.purchased_at < ${add(e)})`] : []);
    const edge = last > first ? [...within(span.from, first.toJSDate()), ...within(rest.toJSDate(), span.to)] : within(span.from, span.to);
    edges.push(...edge);
    // The span's folded days in a row's bits, as `substring` takes them.
    const [day, length] = [add(first.toISODate()), add(Math.round(last.diff(first, 'days').days))];
    const days = (bits: string, since: string) => `substring(${bits} from ${day}::date - ${since} + 1 for ${length}::int)`;
    return {
      edge: `count(*) filter (where ${edge.length ? edge.join(' or ') : 'false'}) as e${i}`,
      n: `coalesce(bit_count(${days('h.days', 'h.since')}), 0) + coalesce(e.e${i}, 0) as n${i}`,
      several: `coalesce(bit_count(${days('several', 'since')}), 0) > 0`,
    };
  });
  return {
    sql: `edge as (
       select r.member_id collate "C" as member_id, ${counted.map((c) => c.edge).join(', ')}
       from receipts r
       where r.program_id = $1 and r.status = 'confirmed' and r.member_id is not null and (${edges.length ? edges.join(' or ') : 'false'})
       group by 1),
     held as (select member_id collate "C" as member_id, since, days, several, source, channel, erased from member_days where program_id = $1),
     counted as (
       select coalesce(h.member_id, e.member_id) as member_id, h.since, h.several, h.source, h.channel, h.erased, ${counted.map((c) => c.n).join(', ')}
       from held h full join edge e on e.member_id = h.member_id
       -- Each count is worked out once a row, not once for each use of it.
       offset 0)`,
    /** For span i, the condition that a member of `counted` bought twice or more in it. */
    repeated: (i: number) => `(n${i} > 1 or (n${i} = 1 and ${counted[i]?.several}))`,
  };
}

/**
 * Members with a confirmed receipt in each span and those with two or more, and for each pair of spans asked for,
 * those active in both, in one pass over a row a member.
 */
export async function memberActivity(db: Queryable, programId: string, timezone: string, spans: Span[], pairs: [number, number][]): Promise<Activity> {
  const values: unknown[] = [programId];
  const counted = countedSql((v) => `$${values.push(v)}`, timezone, await foldedDays(db, programId, timezone), spans);
  const [row] = await db.query<Record<string, number>>(
    `with ${counted.sql}
     select ${[
       ...spans.map((_, i) => `count(*) filter (where n${i} > 0) as a${i}, count(*) filter (where ${counted.repeated(i)}) as r${i}`),
       ...pairs.map(([x, y], k) => `count(*) filter (where n${x} > 0 and n${y} > 0) as b${k}`),
     ].join(', ')}
     from counted`,
    values,
  );
  return {
    spans: spans.map((_, i) => ({ active: Number(row?.[`a${i}`] ?? 0), repeaters: Number(row?.[`r${i}`] ?? 0) })),
    both: pairs.map((_, k) => Number(row?.[`b${k}`] ?? 0)),
  };
}
