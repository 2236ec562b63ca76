import type { Lot } from '../domain/ledger.ts';
import type { DomainEvent } from '../domain/events.ts';
import type { Queryable } from './db.ts';
import { eventsCte, eventsParam } from './events.ts';
import { lotFromJson, openLotsJsonSql, type EntryMeta, type LotJson } from './ledger.ts';
import { qualifyingValueSql, type Member, listMembersWhere } from './members.ts';
import { toVersioned, type SettingsRow } from './programs.ts';
import { latestRulesVersionSql } from './rules.ts';
import type { LineRecord, ReceiptRecord } from './receipts.ts';
import type { VersionedSettings } from '../domain/settings.ts';

// The reads and the one write of the bulk receipt path: a few round trips for a whole batch.

/** The programme's settings, which of the stores exist, the published rules version and the cards named: one round trip. */
export async function batchContext(
  db: Queryable,
  programId: string,
  storeCodes: string[],
  cardNumbers: string[],
): Promise<{ settings: VersionedSettings; stores: Map<string, string | null>; rulesVersion: number; cards: Map<string, { memberId: string; status: string }> }> {
  const [row] = await db.query<SettingsRow & { stores: { code: string; partner: string | null }[]; rules_version: number; cards: { number: string; member_id: string; status: string }[] }>(
    `select program_id, version, settings,
       (select coalesce(json_agg(json_build_object('code', code, 'partner', partner_code)), '[]')
        from stores where program_id = $1 and code = any($2::text[])) as stores,
       ${latestRulesVersionSql('$1')} as rules_version,
       (select coalesce(json_agg(json_build_object('number', number, 'member_id', member_id, 'status', status)), '[]')
        from cards where program_id = $1 and number = any($3::text[])) as cards
     from program_settings where program_id = $1 order by version desc limit 1`,
    [programId, storeCodes, cardNumbers],
  );
  if (!row) throw new Error(`programme ${programId} has no settings`);
  return {
    settings: toVersioned(row),
    // Each store with the partner that owns it (null: the programme's own).
    stores: new Map(row.stores.map((st) => [st.code, st.partner])),
    rulesVersion: row.rules_version,
    cards: new Map(row.cards.map((c) => [c.number, { memberId: c.member_id, status: c.status }])),
  };
}

/** Locks every member the batch names, in id order (the lock order all flows keep). */
export async function lockMembers(db: Queryable, programId: string, keys: { ids: string[]; phones: string[]; externalIds: string[] }): Promise<Member[]> {
  return listMembersWhere(
    db,
    'program_id = $1 and (id = any($2::text[]) or phone = any($3::text[]) or external_id = any($4::text[])) order by id for update',
    [programId, keys.ids, keys.phones, keys.externalIds],
  );
}

export const receiptKey = (storeCode: string, number: string) => `${storeCode}\u0000${number}`;

/**
 * What the batch needs once its members are locked, in one round trip: earlier answers to the same (store,
 * number), the members' open lots and, with a tier window, their qualifying values.
 */
export async function batchView(
  db: Queryable,
  programId: string,
  keys: { storeCode: string; number: string }[],
  memberIds: string[],
  window: { metric: 'points_earned' | 'amount_spent'; since: Date } | null,
): Promise<{ seen: Map<string, { requestHash: string; response: unknown }>; lots: Map<string, Lot[]>; qualifying: Map<string, number> }> {
  const [row] = await db.query<{
    seen: { storeCode: string; number: string; requestHash: string; response: unknown }[];
    lots: LotJson[];
    qualifying: { memberId: string; value: number }[];
  }>(
    `select
       (select coalesce(json_agg(json_build_object('storeCode', r.store_code, 'number', r.number, 'requestHash', r.request_hash,
          'response', r.response)), '[]')
        from receipts r join unnest($2::text[], $3::text[]) as k(store_code, number) on r.store_code = k.store_code and r.number = k.number
        where r.program_id = $1) as seen,
       ${openLotsJsonSql('member_id = any($4::text[])')} as lots,
       case when $5::text is null then '[]'::json
         else (select coalesce(json_agg(json_build_object('memberId', m.id, 'value', ${qualifyingValueSql('m.id', '$5', '$6')})), '[]') from unnest($4::text[]) as m(id))
       end as qualifying`,
    [programId, keys.map((k) => k.storeCode), keys.map((k) => k.number), memberIds, window?.metric ?? null, window?.since ?? null],
  );
  const lots = new Map<string, Lot[]>();
  for (const l of row?.lots ?? []) {
    const lot = lotFromJson(l);
    const mine = lots.get(l.memberId);
    if (mine) mine.push(lot);
    else lots.set(l.memberId, [lot]);
  }
  return {
    seen: new Map((row?.seen ?? []).map((r) => [receiptKey(r.storeCode, r.number), { requestHash: r.requestHash, response: r.response }])),
    lots,
    qualifying: new Map((row?.qualifying ?? []).map((q) => [q.memberId, Number(q.value)])),
  };
}

export interface BatchWrite {
  receipts: (ReceiptRecord & { response: unknown })[];
  lines: (LineRecord & { receiptId: string })[];
  entries: (EntryMeta & { memberId: string })[];
  postings: { entryId: string; seq: number; memberId: string; account: string; lotId: string | null; amount: number; at: Date }[];
  newLots: (Lot & { memberId: string; entryId: string })[];
  changedLots: { memberId: string; id: string; remaining: number; state: string }[];
  members: { id: string; available: number; pending: number; tierCode: string | null; at: Date }[];
  tierChanges: { id: string; memberId: string; from: string | null; to: string; reason: string; value: number; at: Date }[];
  events: DomainEvent[];
}

// An escaped UTF-16 surrogate after an even number of backslashes: JSON.stringify escapes only lone ones.
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * JSON text PostgreSQL accepts. JSON.stringify writes a lone surrogate (half of an emoji a till cut off) as an
 * escape PostgreSQL refuses; it is stored as U+FFFD instead, as in any text parameter.
 */
const jsonParam = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.includes('\\ud') ? text.replace(LONE_SURROGATE, '$1\\ufffd') : text;
};

/**
 * Writes a whole batch in one statement; returns how many receipts were inserted (fewer means a race was lost).
 * New rows travel as one JSON parameter per table: serialising is native, where array parameters are escaped
 * element by element. The updates join arrays instead: the planner sizes an array, while it takes any JSON set
 * for 100 rows and would scan the members and lots tables whole to join them.
 */
export async function writeBatch(db: Queryable, programId: string, w: BatchWrite): Promise<number> {
  const [row] = await db.query<{ inserted: number }>(
    `with receipt as (
       insert into receipts (program_id, id, store_code, number, member_id, card_number, status, settings_version, tier_code,
         currency, total, points_spent, points_discount, points_earned, purchased_at, created_at, request_hash, response,
         rules_version, campaign_discount, created_by)
       select $1, r.id, r."storeCode", r.number, r."memberId", r."cardNumber", r.status, r."settingsVersion", r."tierCode",
         r.currency, r.total, r."pointsSpent", r."pointsDiscount", r."pointsEarned", r."purchasedAt", r."createdAt",
         r."requestHash", r.response, r."rulesVersion", r."campaignDiscount", r."createdBy"
       from json_to_recordset($2::json) as r(id text, "storeCode" text, number text, "memberId" text, "cardNumber" text,
         status text, "settingsVersion" int, "tierCode" text, currency text, total bigint, "pointsSpent" bigint,
         "pointsDiscount" bigint, "pointsEarned" bigint, "purchasedAt" timestamptz, "createdAt" timestamptz,
         "requestHash" text, response jsonb, "rulesVersion" int, "campaignDiscount" bigint, "createdBy" text)
       on conflict (program_id, store_code, number) do nothing returning id),
     line as (
       insert into receipt_lines (program_id, receipt_id, line_no, sku, name, category, quantity, price, discount, amount,
         is_reward, points_earned, points_spent, points_discount, brand, campaign_discount, weighed)
       select $1, l."receiptId", l."lineNo", l.sku, l.name, l.category, l.quantity, l.price, l.discount, l.amount,
         l."isReward", l."pointsEarned", l."pointsSpent", l."pointsDiscount", l.brand, l."campaignDiscount", l.weighed
       from json_to_recordset($3::json) as l("receiptId" text, "lineNo" int, sku text, name text, category text,
         quantity numeric, price bigint, discount bigint, amount bigint, "isReward" boolean, "pointsEarned" bigint,
         "pointsSpent" bigint, "pointsDiscount" bigint, brand text, "campaignDiscount" bigint, weighed boolean)),
     entry as (
       insert into journal_entries (program_id, id, member_id, kind, receipt_id, created_at, partner_code)
       select $1, e.id, e."memberId", e.kind, e."receiptId", e.at, e.partner
       from json_to_recordset($4::json) as e(id text, "memberId" text, kind text, "receiptId" text, at timestamptz, partner text)),
     posting as (
       insert into postings (program_id, entry_id, seq, member_id, account, lot_id, amount, created_at)
       select $1, p."entryId", p.seq, p."memberId", p.account, p."lotId", p.amount, p.at
       from json_to_recordset($5::json) as p("entryId" text, seq int, "memberId" text, account text, "lotId" text,
         amount bigint, at timestamptz)),
     new_lot as (
       insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
       select $1, l."memberId", l.id, l."entryId", l.amount, l.remaining, l.state, l."activatesAt", l."expiresAt", l."createdAt"
       from json_to_recordset($6::json) as l("memberId" text, id text, "entryId" text, amount bigint, remaining bigint,
         state text, "activatesAt" timestamptz, "expiresAt" timestamptz, "createdAt" timestamptz)),
     changed_lot as (
       update lots set remaining = c.remaining, state = c.state
       from unnest($7::text[], $8::text[], $9::bigint[], $10::text[]) as c(member_id, id, remaining, state)
       where lots.program_id = $1 and lots.member_id = c.member_id and lots.id = c.id),
     member as (
       update members set points_available = m.available, points_pending = m.pending, tier_code = m.tier_code, updated_at = m.at
       from unnest($11::text[], $12::bigint[], $13::bigint[], $14::text[], $15::timestamptz[]) as m(id, available, pending, tier_code, at)
       where members.program_id = $1 and members.id = m.id),
     tier_change as (
       insert into tier_changes (program_id, member_id, id, from_tier, to_tier, reason, qualifying_value, created_at)
       select $1, t."memberId", t.id, t.from, t.to, t.reason, t.value, t.at
       from json_to_recordset($16::json) as t("memberId" text, id text, "from" text, "to" text, reason text, value bigint,
         at timestamptz)),
     ${eventsCte('$17')}
     select count(*)::int as inserted from receipt`,
    [
      programId,
      jsonParam(w.receipts),
      jsonParam(w.lines),
      jsonParam(w.entries),
      jsonParam(w.postings),
      jsonParam(w.newLots),
      w.changedLots.map((l) => l.memberId),
      w.changedLots.map((l) => l.id),
      w.changedLots.map((l) => l.remaining),
      w.changedLots.map((l) => l.state),
      w.members.map((m) => m.id),
      w.members.map((m) => m.available),
      w.members.map((m) => m.pending),
      w.members.map((m) => m.tierCode),
      w.members.map((m) => m.at),
      jsonParam(w.tierChanges),
      eventsParam(w.events),
    ],
  );
  return row?.inserted ?? 0;
}
