import type { Queryable } from './db.ts';
import { eventsCte, eventsParam, newEvent } from './events.ts';
import { receiptContextOf, storeAndRulesSql, type ReceiptContext, type SettingsRow, type StoreAndRules } from './programs.ts';

export interface MemberProfile {
  externalId: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  birthDate: string | null;
  gender: 'female' | 'male' | null;
  city: string | null;
  attributes: Record<string, unknown>;
  source: string | null;
  channel: string | null;
  consents: { email: boolean; sms: boolean; push: boolean };
}

export interface Member extends MemberProfile {
  id: string;
  tierCode: string | null;
  pointsAvailable: number;
  pointsPending: number;
  /** What their receipts add up to, net of returns. */
  activity: { purchases: number; firstPurchaseAt: Date | null; lastPurchaseAt: Date | null; paid: number; pointsEarned: number; pointsSpent: number };
  createdAt: Date;
  updatedAt: Date;
  /** When their personal data was erased at their request; the member stays, without it, for the ledger. */
  erasedAt: Date | null;
  /** The segments they are in, as last refreshed. */
  segments: string[];
}

/** The segments a member is in, as a column of the member read from `table`. */
const segmentsOf = (table: string) =>
  `array(select sm.segment from segment_members sm where sm.program_id = ${table}.program_id and sm.member_id = ${table}.id order by 1) as segments`;

const memberColumns = `id, external_id, phone, email, name, birth_date, gender, city, attributes, source, channel, consents,
  tier_code, points_available, points_pending, created_at, updated_at, purchases, first_purchase_at, last_purchase_at, paid_total,
  points_earned, points_spent, erased_at`;
const columns = `${memberColumns}, ${segmentsOf('members')}`;

type Row = {
  id: string;
  external_id: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  birth_date: string | null;
  gender: Member['gender'];
  city: string | null;
  attributes: Record<string, unknown>;
  source: string | null;
  channel: string | null;
  consents: Member['consents'];
  tier_code: string | null;
  points_available: number;
  points_pending: number;
  created_at: Date;
  updated_at: Date;
  purchases: number;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  paid_total: number;
  points_earned: number;
  points_spent: number;
  erased_at: Date | null;
  segments: string[];
};

const toMember = (r: Row): Member => ({
  id: r.id,
  externalId: r.external_id,
  phone: r.phone,
  email: r.email,
  name: r.name,
  birthDate: r.birth_date,
  gender: r.gender,
  city: r.city,
  attributes: r.attributes,
  source: r.source,
  channel: r.channel,
  consents: r.consents,
  tierCode: r.tier_code,
  pointsAvailable: r.points_available,
  pointsPending: r.points_pending,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  activity: {
    purchases: r.purchases,
    firstPurchaseAt: r.first_purchase_at,
    lastPurchaseAt: r.last_purchase_at,
    paid: Number(r.paid_total),
    pointsEarned: Number(r.points_earned),
    pointsSpent: Number(r.points_spent),
  },
  erasedAt: r.erased_at,
  segments: r.segments,
});

/** The profile's eleven columns, external_id through consents, in table order. */
const profileParams = (p: MemberProfile) => [
  p.externalId,
  p.phone,
  p.email,
  p.name,
  p.birthDate,
  p.gender,
  p.city,
  JSON.stringify(p.attributes),
  p.source,
  p.channel,
  JSON.stringify(p.consents),
];

export async function insertMember(
  db: Queryable,
  programId: string,
  member: MemberProfile & { id: string; tierCode: string | null; createdAt: Date },
): Promise<Member> {
  const [row] = await db.query<Row>(
    `insert into members (program_id, id, external_id, phone, email, name, birth_date, gender, city, attributes, source,
       channel, consents, tier_code, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) returning ${columns}`,
    [
      programId,
      member.id,
      ...profileParams(member),
      member.tierCode,
      member.createdAt,
    ],
  );
  return toMember(row as Row);
}

export async function updateProfile(db: Queryable, programId: string, id: string, p: MemberProfile, now: Date): Promise<Member> {
  const [row] = await db.query<Row>(
    `update members set external_id = $3, phone = $4, email = $5, name = $6, birth_date = $7, gender = $8, city = $9,
       attributes = $10, source = $11, channel = $12, consents = $13, updated_at = $14
     where program_id = $1 and id = $2 returning ${columns}`,
    [
      programId,
      id,
      ...profileParams(p),
      now,
    ],
  );
  return toMember(row as Row);
}

/** A JSON object column with its keys kept and their values null. */
const keysOnly = (column: string) =>
  `case when jsonb_typeof(${column}) = 'object' then (select jsonb_object_agg(k, null) from jsonb_object_keys(${column}) k) else ${column} end`;

/**
 * Erases a member's personal data: the profile, contacts, consents and referral code; the block reasons of their
 * cards, which are blocked; the values in the audit records of them and their cards (which fields changed stays);
 * the attributes of their recorded actions, the reasons in their card events and the stored answer to their
 * registration; the browsers they subscribed to web push with. Answers the cards it blocked.
 */
export async function erasePersonalData(db: Queryable, programId: string, id: string, now: Date): Promise<string[]> {
  await db.query(
    `update members set external_id = null, phone = null, email = null, name = null, birth_date = null, gender = null,
       city = null, attributes = '{}', consents = '{"email": false, "sms": false, "push": false}', referral_code = null,
       erased_at = $3, updated_at = $3
     where program_id = $1 and id = $2`,
    [programId, id, now],
  );
  const blocked = await db.query<{ number: string }>(
    `update cards set status = 'blocked', block_reason = null, blocked_at = coalesce(blocked_at, $3)
     where program_id = $1 and member_id = $2 returning number`,
    [programId, id, now],
  );
  const cards = blocked.map((c) => c.number).sort();
  // Field names stay (what changed, and when); their values go.
  await db.query(
    `update audit_log set before = ${keysOnly('before')}, after = ${keysOnly('after')}
     where program_id = $1 and ((entity = 'member' and entity_id = $2) or (entity = 'card' and entity_id = any($3::text[])))`,
    [programId, id, cards],
  );
  // A registration's stored answer names the member with their contacts.
  await db.query(`delete from idempotency_keys where program_id = $1 and response->'member'->>'id' = $2`, [programId, id]);
  await db.query(`update member_events set attributes = '{}' where program_id = $1 and member_id = $2 and attributes <> '{}'`, [programId, id]);
  await db.query('delete from push_subscriptions where program_id = $1 and member_id = $2', [programId, id]);
  await db.query(
    `update events set payload = (payload::jsonb || '{"reason": null}')::json
     where program_id = $1 and member_id = $2 and type = 'card.blocked' and payload->>'reason' is not null`,
    [programId, id],
  );
  return cards;
}

export type MemberKey = { id: string } | { externalId: string } | { phone: string } | { email: string } | { cardNumber: string };

/** Finds a member by any of their identifiers; `lock` takes the member's row lock for a balance-changing flow. */
export async function findMember(db: Queryable, programId: string, key: MemberKey, lock = false): Promise<Member | null> {
  const [field, value] = Object.entries(key)[0] as [keyof MemberKey | 'cardNumber', string];
  const where =
    field === 'cardNumber'
      ? 'id = (select member_id from cards where program_id = $1 and number = $2)'
      : `${{ id: 'id', externalId: 'external_id', phone: 'phone', email: 'email' }[field as 'id']} = $2`;
  const [row] = await db.query<Row>(
    `select ${columns} from members where program_id = $1 and ${where}${lock ? ' for update' : ''}`,
    [programId, value],
  );
  return row ? toMember(row) : null;
}

/**
 * What a receipt needs first, in one round trip: the member it names (locked when `lock`), the status of the
 * card it names, the settings in force and whether the store exists. Null when no member matches.
 */
export async function locateForReceipt(
  db: Queryable,
  programId: string,
  by: { field: 'id' | 'external_id' | 'phone' | 'card'; value: string },
  storeCode: string,
  lock: boolean,
): Promise<{ member: Member; cardStatus: 'inactive' | 'active' | 'blocked' | null; context: ReceiptContext } | null> {
  const where = by.field === 'card' ? 'm.id = (select member_id from cards where program_id = $1 and number = $2)' : `m.${by.field} = $2`;
  const [row] = await db.query<Row & SettingsRow & StoreAndRules & { card_status: 'inactive' | 'active' | 'blocked' | null }>(
    `select ${memberColumns.replace(/(\w+)/g, 'm.$1')}, ${segmentsOf('m')}, c.status as card_status, s.program_id, s.version, s.settings, ${storeAndRulesSql('$1', '$3')}
     from members m
     left join cards c on c.program_id = m.program_id and c.number = $4
     cross join lateral (select program_id, version, settings from program_settings where program_id = $1 order by version desc limit 1) s
     where m.program_id = $1 and ${where}${lock ? ' for update of m' : ''}`,
    [programId, by.value, storeCode, by.field === 'card' ? by.value : null],
  );
  if (!row) return null;
  return { member: toMember(row), cardStatus: row.card_status, context: receiptContextOf(row) };
}

/** Members matching a condition on the members table (callers pass a fixed SQL text, never user input). */
export async function listMembersWhere(db: Queryable, where: string, params: unknown[]): Promise<Member[]> {
  const rows = await db.query<Row>(`select ${columns} from members where ${where}`, params);
  return rows.map(toMember);
}

export async function setTier(
  db: Queryable,
  programId: string,
  change: { id: string; memberId: string; from: string | null; to: string; reason: string; value: number; at: Date },
): Promise<void> {
  await db.query('update members set tier_code = $3, updated_at = $4 where program_id = $1 and id = $2', [
    programId,
    change.memberId,
    change.to,
    change.at,
  ]);
  await db.query(
    `with ${eventsCte('$9')}
     insert into tier_changes (program_id, member_id, id, from_tier, to_tier, reason, qualifying_value, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      programId,
      change.memberId,
      change.id,
      change.from,
      change.to,
      change.reason,
      change.value,
      change.at,
      eventsParam([newEvent('tier.changed', change.at, { memberId: change.memberId, from: change.from, to: change.to, reason: change.reason })]),
    ],
  );
}

export async function tierHistory(db: Queryable, programId: string, memberId: string) {
  const rows = await db.query<{ id: string; from_tier: string | null; to_tier: string; reason: string; qualifying_value: number; created_at: Date }>(
    `select id, from_tier, to_tier, reason, qualifying_value, created_at from tier_changes
     where program_id = $1 and member_id = $2 order by id desc`,
    [programId, memberId],
  );
  return rows.map((r) => ({ id: r.id, from: r.from_tier, to: r.to_tier, reason: r.reason, qualifyingValue: r.qualifying_value, at: r.created_at }));
}

/**
 * Net points earned (or money paid) by `member` on receipts since `since`, less returns; `metric` is
 * 'points_earned' or 'amount_spent'. Each argument is an SQL expression (a parameter or a column); $1 is the programme.
 */
export const qualifyingValueSql = (member: string, metric: string, since: string) => {
  // Whole months after the window's first one come from the monthly rows; its first, partial month from receipts.
  const boundary = `((date_trunc('month', ${since}::timestamptz at time zone 'UTC') + interval '1 month') at time zone 'UTC')`;
  const spent = `${metric}::text = 'amount_spent'`;
  return `(coalesce((select sum(case when ${spent} then amount_spent else points_earned end) from member_months
                     where program_id = $1 and member_id = ${member} and month >= (${boundary} at time zone 'UTC')::date), 0)
          + coalesce((select sum(case when ${spent} then total - points_discount - campaign_discount else points_earned end)
                      from receipts where program_id = $1 and member_id = ${member} and purchased_at > ${since}::timestamptz
                        and purchased_at < ${boundary}), 0)
          - coalesce((select sum(case when ${spent} then t.amount else t.points_clawed_back end)
                      from returns t join receipts r on r.program_id = t.program_id and r.id = t.receipt_id
                      where t.program_id = $1 and t.member_id = ${member} and r.purchased_at > ${since}::timestamptz
                        and r.purchased_at < ${boundary}), 0))`;
};

/**
 * Takes a return out of the member's aggregates and out of the qualifying value of the month the receipt was
 * bought in; a cancellation also takes the purchase off their count.
 */
export async function countReturn(
  db: Queryable,
  programId: string,
  memberId: string,
  r: { purchasedAt: Date; amount: number; pointsClawedBack: number; pointsRefunded: number; cancelled: boolean },
): Promise<void> {
  await db.query(
    `with month as (
       update member_months set amount_spent = amount_spent - $4, points_earned = points_earned - $5
       where program_id = $1 and member_id = $2 and month = date_trunc('month', $3::timestamptz at time zone 'UTC')::date)
     update members set paid_total = paid_total - $4, points_earned = points_earned - $5, points_spent = points_spent - $6,
       purchases = purchases - $7
     where program_id = $1 and id = $2`,
    [programId, memberId, r.purchasedAt, r.amount, r.pointsClawedBack, r.pointsRefunded, r.cancelled ? 1 : 0],
  );
}

/** `qualifyingValue` for many members in one round trip (the tier review). */
export async function qualifyingValues(
  db: Queryable,
  programId: string,
  memberIds: string[],
  window: { metric: 'points_earned' | 'amount_spent'; since: Date },
): Promise<Map<string, number>> {
  const rows = await db.query<{ member_id: string; value: number }>(
    `select m.id as member_id, ${qualifyingValueSql('m.id', '$3', '$4')} as value from unnest($2::text[]) as m(id)`,
    [programId, memberIds, window.metric, window.since],
  );
  return new Map(rows.map((r) => [r.member_id, Number(r.value)]));
}

/** Net points earned or money paid by a member on receipts since `since`, less what returns took back. */
export async function qualifyingValue(
  db: Queryable,
  programId: string,
  memberId: string,
  metric: 'points_earned' | 'amount_spent',
  since: Date,
): Promise<number> {
  const [row] = await db.query<{ value: number }>(`select ${qualifyingValueSql('$2', '$3', '$4')} as value`, [programId, memberId, metric, since]);
  return Number(row?.value ?? 0);
}

/** Bulk registration (demo data, migrations from another system): members with one active card each. */
export async function insertMembers(
  db: Queryable,
  programId: string,
  rows: (MemberProfile & { id: string; cardNumber: string; tierCode: string | null; createdAt: Date })[],
): Promise<void> {
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await db.query(
    `insert into members (program_id, id, external_id, phone, email, name, birth_date, gender, city, attributes, source,
       channel, consents, tier_code, created_at, updated_at)
     select $1, m.id, m.external_id, m.phone, m.email, m.name, m.birth_date, m.gender, m.city, m.attributes, m.source, m.channel,
       m.consents, m.tier_code, m.created_at, m.created_at
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[], $10::jsonb[],
       $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::timestamptz[])
       as m(id, external_id, phone, email, name, birth_date, gender, city, attributes, source, channel, consents, tier_code, created_at)`,
    [
      programId,
      col((r) => r.id),
      col((r) => r.externalId),
      col((r) => r.phone),
      col((r) => r.email),
      col((r) => r.name),
      col((r) => r.birthDate),
      col((r) => r.gender),
      col((r) => r.city),
      col((r) => JSON.stringify(r.attributes)),
      col((r) => r.source),
      col((r) => r.channel),
      col((r) => JSON.stringify(r.consents)),
      col((r) => r.tierCode),
      col((r) => r.createdAt),
    ],
  );
  await db.query(
    `insert into cards (program_id, number, member_id, kind, status, created_at, activated_at)
     select $1, c.number, c.member_id, 'virtual', 'active', c.created_at, c.created_at
     from unnest($2::text[], $3::text[], $4::timestamptz[]) as c(number, member_id, created_at)`,
    [programId, col((r) => r.cardNumber), col((r) => r.id), col((r) => r.createdAt)],
  );
}

/** The words a name is searched by: lower case, ё as е, split at spaces and punctuation — as the database splits names. */
export function nameWords(text: string): string[] {
  return [...new Set(text.toLowerCase().replaceAll('ё', 'е').split(/[\s\p{P}\p{S}]+/u).filter(Boolean))];
}

/**
 * Members with a word of the name beginning with each word of the text, a page at a time after `after`. The
 * longest word of the text walks the word index in order (matched word, then member), so a page stops at its last
 * member; the other words are looked for in the name's words the index row carries. A member whose name has two
 * words with that beginning is listed once, at the first of them in the name.
 */
export async function membersByName(
  db: Queryable,
  programId: string,
  text: string,
  after: { word: string; id: string } | null,
  limit: number,
): Promise<{ member: Member; matchedWord: string }[]> {
  const [leading, ...others] = nameWords(text).sort((a, b) => b.length - a.length);
  if (!leading) return [];
  const rows = await db.query<Row & { matched_word: string }>(
    `with page as (
       select w.word, w.member_id from member_name_words w
       where w.program_id = $1 and w.word >= $2 and w.word < $2 || chr(1114111)
         and ($3::text is null or (w.word, w.member_id) > ($3 collate "C", $4::text))
         and strpos(w.words, ' ' || $2) = strpos(w.words, ' ' || w.word || ' ')
         and not exists (select 1 from unnest($5::text[]) as t(other) where strpos(w.words, ' ' || t.other) = 0)
       order by w.word, w.member_id limit $6)
     select ${columns}, page.word as matched_word from page join members on members.program_id = $1 and members.id = page.member_id
     order by page.word, page.member_id`,
    [programId, leading, after?.word ?? null, after?.id ?? null, others, limit],
  );
  return rows.map((r) => ({ member: toMember(r), matchedWord: r.matched_word }));
}
