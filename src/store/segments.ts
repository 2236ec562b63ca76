import { ruleLeaves, type SegmentRule } from '../domain/segments.ts';
import { reportMemory, type Queryable } from './db.ts';
import { foldedDays } from './member-days.ts';
import { rfmCuts } from './rfm.ts';
import { segmentSql } from './segment-sql.ts';

export interface Segment {
  code: string;
  name: string;
  description: string;
  kind: 'dynamic' | 'static';
  rule: SegmentRule | null;
  version: number;
  size: number;
  refreshedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = {
  code: string;
  name: string;
  description: string;
  kind: Segment['kind'];
  rule: SegmentRule | null;
  version: number;
  size: number;
  refreshed_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const columns = 'code, name, description, kind, rule, version, size, refreshed_at, created_at, updated_at';
const toSegment = (r: Row): Segment => ({
  code: r.code,
  name: r.name,
  description: r.description,
  kind: r.kind,
  rule: r.rule,
  version: r.version,
  size: r.size,
  refreshedAt: r.refreshed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listSegments(db: Queryable, programId: string): Promise<Segment[]> {
  return (await db.query<Row>(`select ${columns} from segments where program_id = $1 order by code`, [programId])).map(toSegment);
}

/** The segment, locked for a change when `lock`. */
export async function getSegment(db: Queryable, programId: string, code: string, lock = false): Promise<Segment | null> {
  const [row] = await db.query<Row>(`select ${columns} from segments where program_id = $1 and code = $2${lock ? ' for update' : ''}`, [programId, code]);
  return row ? toSegment(row) : null;
}

export async function saveSegment(
  db: Queryable,
  programId: string,
  s: { code: string; name: string; description: string; kind: Segment['kind']; rule: SegmentRule | null; version: number },
  at: Date,
): Promise<void> {
  await db.query(
    `insert into segments (program_id, code, name, description, kind, rule, version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict (program_id, code) do update set name = excluded.name, description = excluded.description, kind = excluded.kind,
       rule = excluded.rule, version = excluded.version, updated_at = excluded.updated_at`,
    [programId, s.code, s.name, s.description, s.kind, s.rule === null ? null : JSON.stringify(s.rule), s.version, at],
  );
}

export async function deleteSegmentRows(db: Queryable, programId: string, code: string): Promise<void> {
  await db.query(
    `with members as (delete from segment_members where program_id = $1 and segment = $2),
          sizes as (delete from segment_sizes where program_id = $1 and segment = $2)
     delete from segments where program_id = $1 and code = $2`,
    [programId, code],
  );
}

/** The ids of the members a rule holds now (`only`: of these members alone). */
async function matchingSql(db: Queryable, programId: string, timezone: string, at: Date, rule: SegmentRule, only: boolean) {
  const leaves = ruleLeaves(rule);
  const rfm = leaves.some((leaf) => leaf.field.startsWith('rfm_'));
  // Conditions that may read the buyers' totals kept with their folded days (src/store/segment-sql.ts).
  const folding = leaves.some((leaf) => ['paid', 'purchases', 'bought_category'].includes(leaf.field));
  const q = segmentSql(rule, only ? 5 : 4, {
    at,
    timezone,
    only: only ? '$4' : null,
    rfmCuts: rfm ? await rfmCuts(db, programId, timezone) : null,
    folded: folding ? await foldedDays(db, programId, timezone) : null,
  });
  const sql = `${q.ctes.length ? `with ${q.ctes.join(', ')} ` : ''}select m.id from members m ${q.joins.join(' ')}
    where m.program_id = $1 and ($2::text, $3::timestamptz) is not null and m.erased_at is null${only ? ' and m.id = any($4)' : ''} and ${q.where}`;
  return { sql, params: q.params };
}

/** How many members a rule holds now, without writing anything: the builder's live count. */
export async function countMatching(db: Queryable, programId: string, timezone: string, at: Date, rule: SegmentRule): Promise<number> {
  const { sql, params } = await matchingSql(db, programId, timezone, at, rule, false);
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) s`, [programId, timezone, at, ...params]);
  return row?.n ?? 0;
}

export interface Movement {
  entered: string[];
  departed: string[];
  size: number;
}

/** Members entering or leaving a segment at once after which the planner's statistics of memberships are refreshed. */
const RESTATED = 1000;

/**
 * Brings a segment's membership to `wanted` (the SQL of its members now, over $1..$n): adds who is new, removes
 * who is gone, in one statement, and returns both lists and the new size. `only` limits it to some members.
 */
async function moveTo(db: Queryable, programId: string, code: string, at: Date, wanted: string, params: unknown[], only: string[] | null): Promise<Movement> {
  const n = params.length;
  const [row] = await db.query<{ entered: string[] | null; departed: string[] | null }>(
    `with wanted as (${wanted}),
     held as (
       select s.member_id from segment_members s where s.program_id = $1 and s.segment = $${n + 1} ${only ? `and s.member_id = any($${n + 3})` : ''}),
     -- The differences as set operations, which hash or sort whatever the planner guesses of the sizes: an anti
     -- join planned on statistics from before a segment filled would compare every member with every member.
     departed as (
       delete from segment_members s
       where s.program_id = $1 and s.segment = $${n + 1} and s.member_id = any(array(select member_id from held except select id from wanted))
       returning s.member_id),
     entered as (
       insert into segment_members (program_id, segment, member_id, since)
       select $1, $${n + 1}, e.id, $${n + 2} from (select id from wanted except select member_id from held) e on conflict do nothing returning member_id)
     select array(select member_id from entered order by 1) as entered, array(select member_id from departed order by 1) as departed`,
    [...params, code, at, ...(only ? [only] : [])],
  );
  const entered = row?.entered ?? [];
  const departed = row?.departed ?? [];
  // A large movement outgrows the planner's picture of the memberships: measured again at once (ANALYZE runs
  // within the transaction), or the next evaluation plans for the segment as it was — for a segment that went
  // from empty to 50,000 members, a delete that compared each member with each (150 s instead of 0.3).
  if (entered.length + departed.length >= RESTATED) await db.query('analyze segment_members');
  const [size] = await db.query<{ size: number }>(
    `update segments set size = (select count(*) from segment_members where program_id = $1 and segment = $2), refreshed_at = $3
     where program_id = $1 and code = $2 returning size`,
    [programId, code, at],
  );
  if (!only || entered.length || departed.length)
    await db.query(
      `insert into segment_sizes (program_id, segment, at, size, entered, departed) values ($1, $2, $3, $4, $5, $6)
       on conflict (program_id, segment, at) do update set size = excluded.size,
         entered = segment_sizes.entered + excluded.entered, departed = segment_sizes.departed + excluded.departed`,
      [programId, code, at, size?.size ?? 0, entered.length, departed.length],
    );
  return { entered, departed, size: size?.size ?? 0 };
}

/** Re-evaluates a dynamic segment's rule for all its programme's members, or for `only` these. */
export async function refreshMembership(
  db: Queryable,
  programId: string,
  code: string,
  rule: SegmentRule,
  timezone: string,
  at: Date,
  only: string[] | null = null,
): Promise<Movement> {
  const { sql, params } = await matchingSql(db, programId, timezone, at, rule, only !== null);
  // Called within the save's or refresh's transaction: a whole evaluation sorts and hashes as a report does.
  if (!only) await reportMemory(db);
  const base = only ? [programId, timezone, at, only] : [programId, timezone, at];
  // The matching SQL numbers its parameters after the three (or four) of its own; moveTo's follow them all.
  return moveTo(db, programId, code, at, sql, [...base, ...params], only);
}

/** Makes a static segment's members exactly these ids. */
export async function replaceMembers(db: Queryable, programId: string, code: string, ids: string[], at: Date): Promise<Movement> {
  return moveTo(db, programId, code, at, 'select id from members where program_id = $1 and erased_at is null and id = any($2)', [programId, ids], null);
}

/** Members of a segment after `after` (by id), a page at a time, for an export of any size. */
export async function segmentMembersPage(db: Queryable, programId: string, code: string, after: string, limit: number) {
  return db.query<{ id: string; external_id: string | null; phone: string | null; email: string | null; name: string | null; tier_code: string | null; since: Date }>(
    `select m.id, m.external_id, m.phone, m.email, m.name, m.tier_code, s.since from segment_members s
     join members m on m.program_id = s.program_id and m.id = s.member_id
     where s.program_id = $1 and s.segment = $2 and s.member_id > $3 order by s.member_id limit $4`,
    [programId, code, after, limit],
  );
}

export async function segmentSizes(db: Queryable, programId: string, code: string, limit: number) {
  const rows = await db.query<{ at: Date; size: number; entered: number; departed: number }>(
    'select at, size, entered, departed from segment_sizes where program_id = $1 and segment = $2 order by at desc limit $3',
    [programId, code, limit],
  );
  return rows.reverse();
}

/** Identifiers of an upload resolved to member ids: by id, phone, card or external id, whichever matches. */
export async function resolveMembers(db: Queryable, programId: string, values: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ value: string; id: string }>(
    `select v.value, coalesce(m.id, c.member_id, p.id, x.id) as id from unnest($2::text[]) as v(value)
     left join members m on m.program_id = $1 and m.id = v.value and m.erased_at is null
     left join cards c on c.program_id = $1 and c.number = v.value
     left join members p on p.program_id = $1 and p.phone = v.value and p.erased_at is null
     left join members x on x.program_id = $1 and x.external_id = v.value and x.erased_at is null
     where coalesce(m.id, c.member_id, p.id, x.id) is not null`,
    [programId, values],
  );
  return new Map(rows.map((r) => [r.value, r.id]));
}
