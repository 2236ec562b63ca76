import type { Queryable } from './db.ts';
import type { MessageChannel } from '../domain/messages/reach.ts';
import { calendarOccasions } from '../domain/messages/occasions.ts';
import { qualifyingValueSql } from './members.ts';
import type { Trigger } from './messages.ts';

// The messages of the calendar's triggers, written in one statement a day: one per (trigger, member, occasion),
// so planning a day twice queues nothing twice. Whether each may go is decided when it goes, like any other.

/** The codes of the calendar triggers switched on that have not been planned on `today` (a programme-local date), locked for it. */
export async function calendarTriggersDue(db: Queryable, programId: string, today: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `select code from message_triggers where program_id = $1 and enabled and event_type = any($3::text[])
       and (planned_on is null or planned_on < $2::date) for update skip locked`,
    [programId, today, calendarOccasions],
  );
  return rows.map((r) => r.code);
}

export async function markCalendarPlanned(db: Queryable, programId: string, code: string, today: string): Promise<void> {
  await db.query('update message_triggers set planned_on = $3::date where program_id = $1 and code = $2', [programId, code, today]);
}

interface Common {
  programId: string;
  trigger: Trigger;
  channel: MessageChannel;
  now: Date;
  dueAt: Date;
}

/**
 * The trigger's conditions on member `m`, with their values from parameter `first` on: its segment, its tiers, and
 * its own frequency (no message of it queued or sent within its days; `$2` the origin, `$5` now, in every query here).
 */
const conditions = (c: Common, first: number) => ({
  sql: `and ($${first}::text is null or exists (select 1 from segment_members sm where sm.program_id = m.program_id and sm.segment = $${first} and sm.member_id = m.id))
     and (cardinality($${first + 1}::text[]) = 0 or m.tier_code = any($${first + 1}::text[]))
     and ($${first + 2}::int is null or not exists (select 1 from messages x where x.program_id = m.program_id and x.member_id = m.id and x.origin = $2
          and x.status in ('queued', 'sent') and x.created_at > $5::timestamptz - make_interval(days => $${first + 2}::int)))`,
  params: [c.trigger.segment, c.trigger.tiers, c.trigger.onceInDays],
});

const insert = `insert into messages (program_id, id, member_id, origin, occurrence, channel, kind, template, language, to_address, status, created_at, due_at, variant, topic, occasion)`;
const columns = (occurrence: string, channel: MessageChannel) =>
  `'msg_' || upper(substr(md5($2 || ':' || m.id || ':' || ${occurrence}), 1, 26)), m.id, $2, ${occurrence}, '${channel}', $3, $4,
   case when m.attributes->>'language' = 'en' then 'en' else 'ru' end, ${channel === 'email' ? 'm.email' : channel === 'sms' ? 'm.phone' : 'null'}, 'queued', $5, $6, 'A', $7`;

/**
 * Members whose birthday falls on `date` (month and day; 29 February falls on the 28th in other years), each once
 * for that year's birthday. Returns how many were queued.
 */
export async function planBirthdays(db: Queryable, c: Common, date: { year: number; month: number; day: number; shown: string }): Promise<number> {
  const leapDayToo = date.month === 2 && date.day === 28 && !(date.year % 4 === 0 && (date.year % 100 !== 0 || date.year % 400 === 0));
  const when = conditions(c, 13);
  const rows = await db.query(
    `${insert}
     select $1, ${columns(`'birthday-' || $8::text`, c.channel)}, jsonb_build_object('birthday', $12::text)
     from members m
     where m.program_id = $1 and m.erased_at is null and m.birth_date is not null
       and ((extract(month from m.birth_date) = $9 and extract(day from m.birth_date) = $10)
            or ($11 and extract(month from m.birth_date) = 2 and extract(day from m.birth_date) = 29))
       ${when.sql}
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [c.programId, `trigger:${c.trigger.code}`, c.trigger.kind, c.trigger.template, c.now, c.dueAt, c.trigger.topic, date.year, date.month, date.day, leapDayToo, date.shown, ...when.params],
  );
  return rows.length;
}

/**
 * Members whose last buying day was `lastDay` (days from 2000-01-01 in the programme's time zone, as the member
 * aggregates count them) and who have bought nothing since `since`, once per such day. Returns how many were queued.
 */
export async function planLapsed(db: Queryable, c: Common, at: { lastDay: number; since: Date; shown: string }): Promise<number> {
  const when = conditions(c, 12);
  const rows = await db.query(
    `${insert}
     select $1, ${columns(`'lapsed-' || $8::text`, c.channel)}, jsonb_build_object('lastPurchase', $10::text, 'days', $11::int)
     from member_totals t join members m on m.program_id = t.program_id and m.id = t.member_id
     where t.program_id = $1 and t.days[array_length(t.days, 1)] = $8::int and m.erased_at is null
       and not exists (select 1 from receipts r where r.program_id = $1 and r.member_id = m.id and r.status = 'confirmed' and r.purchased_at >= $9)
       ${when.sql}
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [c.programId, `trigger:${c.trigger.code}`, c.trigger.kind, c.trigger.template, c.now, c.dueAt, c.trigger.topic, at.lastDay, at.since, at.shown, c.trigger.days, ...when.params],
  );
  return rows.length;
}

/**
 * Members whose usual interval between purchases (their buying days from the first to the last, over the gaps
 * between them; three buying days at least) has passed by the trigger's `days` on `today`, and who have bought
 * nothing since their last buying day: once per last buying day. Returns how many were queued.
 */
export async function planPurchasesDue(db: Queryable, c: Common, at: { today: number; timezone: string }): Promise<number> {
  const when = conditions(c, 11);
  const rows = await db.query(
    `${insert}
     select $1, ${columns(`'due-' || t.days[k.n]::text`, c.channel)},
       jsonb_build_object('lastPurchase', to_char(date '2000-01-01' + t.days[k.n], 'YYYY-MM-DD') || 'T12:00:00Z', 'usualDays', k.usual)
     from member_totals t join members m on m.program_id = t.program_id and m.id = t.member_id
     cross join lateral (select array_length(t.days, 1) as n) n
     cross join lateral (select n.n, round((t.days[n.n] - t.days[1])::numeric / (n.n - 1))::int as usual) k
     where t.program_id = $1 and array_length(t.days, 1) >= 3 and m.erased_at is null
       and $8::int - t.days[k.n] = k.usual + $9::int
       and not exists (select 1 from receipts r where r.program_id = $1 and r.member_id = m.id and r.status = 'confirmed'
                       and r.purchased_at >= (date '2000-01-01' + t.days[k.n] + 1)::timestamp at time zone $10)
       ${when.sql}
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [c.programId, `trigger:${c.trigger.code}`, c.trigger.kind, c.trigger.template, c.now, c.dueAt, c.trigger.topic, at.today, c.trigger.days, at.timezone, ...when.params],
  );
  return rows.length;
}

/**
 * Members whose tier the review on `dropsOn` would take away — their qualifying value over the window as it will
 * stand then, counting what they bought until now, falls below the tier's threshold — and the day before would
 * not yet: each is told once, `days` ahead, with what they are missing. Returns how many were queued.
 */
export async function planTiersAtRisk(
  db: Queryable,
  c: Common,
  at: { dropsOn: string; shown: string; metric: 'points_earned' | 'amount_spent'; since: Date; sinceDayBefore: Date; tiers: { code: string; threshold: number }[] },
): Promise<number> {
  const when = conditions(c, 14);
  const rows = await db.query(
    `${insert}
     select $1, ${columns(`'at-risk-' || m.tier_code || '-' || $8::text`, c.channel)}, jsonb_build_object('dropsOn', $9::text, 'missing', t.threshold - v.then)
     from members m
     join jsonb_to_recordset($10::jsonb) as t(code text, threshold bigint) on t.code = m.tier_code and t.threshold > 0
     cross join lateral (select ${qualifyingValueSql('m.id', '$11', '$12')} as then, ${qualifyingValueSql('m.id', '$11', '$13')} as before) v
     where m.program_id = $1 and m.erased_at is null and v.then < t.threshold and v.before >= t.threshold
       ${when.sql}
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [c.programId, `trigger:${c.trigger.code}`, c.trigger.kind, c.trigger.template, c.now, c.dueAt, c.trigger.topic, at.dropsOn, at.shown, JSON.stringify(at.tiers), at.metric, at.since, at.sinceDayBefore, ...when.params],
  );
  return rows.length;
}

/**
 * The points each member's confirmed purchases earned from `from` to `to` (as earned: returns are not taken off), one
 * message per member and period for those who earned any. Returns how many were queued.
 */
export async function planPointsDigest(db: Queryable, c: Common, at: { from: Date; to: Date; period: string }): Promise<number> {
  const when = conditions(c, 12);
  const rows = await db.query(
    `${insert}
     select $1, ${columns(`'digest-' || $8::text`, c.channel)}, jsonb_build_object('points', d.points, 'receipts', d.n, 'days', $11::int)
     from (select r.member_id, sum(r.points_earned) as points, count(*) as n from receipts r
           where r.program_id = $1 and r.status = 'confirmed' and r.member_id is not null and r.purchased_at >= $9 and r.purchased_at < $10
           group by r.member_id having sum(r.points_earned) > 0) d
     join members m on m.program_id = $1 and m.id = d.member_id
     where m.erased_at is null
       ${when.sql}
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [c.programId, `trigger:${c.trigger.code}`, c.trigger.kind, c.trigger.template, c.now, c.dueAt, c.trigger.topic, at.period, at.from, at.to, c.trigger.days, ...when.params],
  );
  return rows.length;
}
