import type { Lot } from '../domain/ledger.ts';
import type { Queryable } from './db.ts';
import type { EntryMeta } from './ledger.ts';
import { qualifyingValueSql, type Member, listMembersWhere } from './members.ts';
import { toVersioned, type SettingsRow } from './programs.ts';
import type { LineRecord, ReceiptRecord } from './receipts.ts';
import type { VersionedSettings } from '../domain/settings.ts';

// Queries and the one write of the bulk receipt path: a few round trips for a whole batch.

export async function batchContext(db: Queryable, programId: string, storeCodes: string[]): Promise<{ settings: VersionedSettings; stores: Set<string> }> {
  const [row] = await db.query<SettingsRow & { stores: string[] }>(
    `select program_id, version, settings,
       array(select code from stores where program_id = $1 and code = any($2::text[])) as stores
     from program_settings where program_id = $1 order by version desc limit 1`,
    [programId, storeCodes],
  );
  if (!row) throw new Error(`programme ${programId} has no settings`);
  return { settings: toVersioned(row), stores: new Set(row.stores) };
}

export async function cardsByNumber(db: Queryable, programId: string, numbers: string[]): Promise<Map<string, { memberId: string; status: string }>> {
  const rows = await db.query<{ number: string; member_id: string; status: string }>(
    'select number, member_id, status from cards where program_id = $1 and number = any($2::text[])',
    [programId, numbers],
  );
  return new Map(rows.map((r) => [r.number, { memberId: r.member_id, status: r.status }]));
}

/** Locks every member the batch names, in id order (the lock order all flows keep). */
export async function lockMembers(db: Queryable, programId: string, keys: { ids: string[]; phones: string[]; externalIds: string[] }): Promise<Member[]> {
  return listMembersWhere(
    db,
    'program_id = $1 and (id = any($2::text[]) or phone = any($3::text[]) or external_id = any($4::text[])) order by id for update',
    [programId, keys.ids, keys.phones, keys.externalIds],
  );
}

export async function existingReceipts(
  db: Queryable,
  programId: string,
  keys: { storeCode: string; number: string }[],
): Promise<Map<string, { requestHash: string; response: unknown }>> {
  const rows = await db.query<{ store_code: string; number: string; request_hash: string; response: unknown }>(
    `select r.store_code, r.number, r.request_hash, r.response from receipts r
     join unnest($2::text[], $3::text[]) as k(store_code, number) on r.store_code = k.store_code and r.number = k.number
     where r.program_id = $1`,
    [programId, keys.map((k) => k.storeCode), keys.map((k) => k.number)],
  );
  return new Map(rows.map((r) => [receiptKey(r.store_code, r.number), { requestHash: r.request_hash, response: r.response }]));
}

export const receiptKey = (storeCode: string, number: string) => `${storeCode}\u0000${number}`;

export async function openLotsOf(db: Queryable, programId: string, memberIds: string[]): Promise<Map<string, Lot[]>> {
  const rows = await db.query<{ member_id: string; id: string; state: Lot['state']; amount: number; remaining: number; activates_at: Date; expires_at: Date | null; created_at: Date }>(
    `select member_id, id, state, amount, remaining, activates_at, expires_at, created_at from lots
     where program_id = $1 and member_id = any($2::text[]) and remaining > 0`,
    [programId, memberIds],
  );
  const lots = new Map<string, Lot[]>();
  for (const r of rows) {
    const lot: Lot = { id: r.id, state: r.state, amount: r.amount, remaining: r.remaining, activatesAt: r.activates_at, expiresAt: r.expires_at, createdAt: r.created_at };
    lots.set(r.member_id, [...(lots.get(r.member_id) ?? []), lot]);
  }
  return lots;
}

export async function qualifyingValues(
  db: Queryable,
  programId: string,
  memberIds: string[],
  window: { metric: 'points_earned' | 'amount_spent'; since: Date },
): Promise<Map<string, number>> {
  const perMember = qualifyingValueSql.replaceAll('$2', 'm.id').replaceAll('$3', '$3::text').replaceAll('$4', '$4::timestamptz');
  const rows = await db.query<{ member_id: string; value: number }>(
    `select m.id as member_id, ${perMember} as value from unnest($2::text[]) as m(id)`,
    [programId, memberIds, window.metric, window.since],
  );
  return new Map(rows.map((r) => [r.member_id, Number(r.value)]));
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
}

/** Writes a whole batch in one statement; returns how many receipts were inserted (fewer means a race was lost). */
export async function writeBatch(db: Queryable, programId: string, w: BatchWrite): Promise<number> {
  const col = <T, R>(rows: T[], f: (r: T) => R) => rows.map(f);
  const [row] = await db.query<{ inserted: number }>(
    `with receipt as (
       insert into receipts (program_id, id, store_code, number, member_id, card_number, status, settings_version, tier_code,
         currency, total, points_spent, points_discount, points_earned, purchased_at, created_at, request_hash, response,
         rules_version)
       select $1, r.* from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
         $10::text[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::timestamptz[], $16::timestamptz[],
         $17::text[], $18::jsonb[], $69::int[]) as r
       on conflict (program_id, store_code, number) do nothing returning id),
     line as (
       insert into receipt_lines (program_id, receipt_id, line_no, sku, name, category, quantity, price, discount, amount,
         is_reward, points_earned, points_spent, points_discount, brand)
       select $1, l.* from unnest($19::text[], $20::int[], $21::text[], $22::text[], $23::text[], $24::numeric[], $25::bigint[],
         $26::bigint[], $27::bigint[], $28::boolean[], $29::bigint[], $30::bigint[], $31::bigint[], $70::text[]) as l),
     entry as (
       insert into journal_entries (program_id, id, member_id, kind, receipt_id, created_at)
       select $1, e.* from unnest($32::text[], $33::text[], $34::text[], $35::text[], $36::timestamptz[]) as e),
     posting as (
       insert into postings (program_id, entry_id, seq, member_id, account, lot_id, amount, created_at)
       select $1, p.* from unnest($37::text[], $38::int[], $39::text[], $40::text[], $41::text[], $42::bigint[], $43::timestamptz[]) as p),
     new_lot as (
       insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
       select $1, l.* from unnest($44::text[], $45::text[], $46::text[], $47::bigint[], $48::bigint[], $49::text[],
         $50::timestamptz[], $51::timestamptz[], $52::timestamptz[]) as l),
     changed_lot as (
       update lots set remaining = c.remaining, state = c.state
       from unnest($53::text[], $54::text[], $55::bigint[], $56::text[]) as c(member_id, id, remaining, state)
       where lots.program_id = $1 and lots.member_id = c.member_id and lots.id = c.id),
     member as (
       update members set points_available = m.available, points_pending = m.pending, tier_code = m.tier_code, updated_at = m.at
       from unnest($57::text[], $58::bigint[], $59::bigint[], $60::text[], $61::timestamptz[]) as m(id, available, pending, tier_code, at)
       where members.program_id = $1 and members.id = m.id),
     tier_change as (
       insert into tier_changes (program_id, member_id, id, from_tier, to_tier, reason, qualifying_value, created_at)
       select $1, t.* from unnest($62::text[], $63::text[], $64::text[], $65::text[], $66::text[], $67::bigint[], $68::timestamptz[]) as t)
     select count(*)::int as inserted from receipt`,
    [
      programId,
      col(w.receipts, (r) => r.id),
      col(w.receipts, (r) => r.storeCode),
      col(w.receipts, (r) => r.number),
      col(w.receipts, (r) => r.memberId),
      col(w.receipts, (r) => r.cardNumber),
      col(w.receipts, (r) => r.status),
      col(w.receipts, (r) => r.settingsVersion),
      col(w.receipts, (r) => r.tierCode),
      col(w.receipts, (r) => r.currency),
      col(w.receipts, (r) => r.total),
      col(w.receipts, (r) => r.pointsSpent),
      col(w.receipts, (r) => r.pointsDiscount),
      col(w.receipts, (r) => r.pointsEarned),
      col(w.receipts, (r) => r.purchasedAt),
      col(w.receipts, (r) => r.createdAt),
      col(w.receipts, (r) => r.requestHash),
      col(w.receipts, (r) => JSON.stringify(r.response)),
      col(w.lines, (l) => l.receiptId),
      col(w.lines, (l) => l.lineNo),
      col(w.lines, (l) => l.sku),
      col(w.lines, (l) => l.name),
      col(w.lines, (l) => l.category),
      col(w.lines, (l) => l.quantity),
      col(w.lines, (l) => l.price),
      col(w.lines, (l) => l.discount),
      col(w.lines, (l) => l.amount),
      col(w.lines, (l) => l.isReward),
      col(w.lines, (l) => l.pointsEarned),
      col(w.lines, (l) => l.pointsSpent),
      col(w.lines, (l) => l.pointsDiscount),
      col(w.entries, (e) => e.id),
      col(w.entries, (e) => e.memberId),
      col(w.entries, (e) => e.kind),
      col(w.entries, (e) => e.receiptId ?? null),
      col(w.entries, (e) => e.at),
      col(w.postings, (p) => p.entryId),
      col(w.postings, (p) => p.seq),
      col(w.postings, (p) => p.memberId),
      col(w.postings, (p) => p.account),
      col(w.postings, (p) => p.lotId),
      col(w.postings, (p) => p.amount),
      col(w.postings, (p) => p.at),
      col(w.newLots, (l) => l.memberId),
      col(w.newLots, (l) => l.id),
      col(w.newLots, (l) => l.entryId),
      col(w.newLots, (l) => l.amount),
      col(w.newLots, (l) => l.remaining),
      col(w.newLots, (l) => l.state),
      col(w.newLots, (l) => l.activatesAt),
      col(w.newLots, (l) => l.expiresAt),
      col(w.newLots, (l) => l.createdAt),
      col(w.changedLots, (l) => l.memberId),
      col(w.changedLots, (l) => l.id),
      col(w.changedLots, (l) => l.remaining),
      col(w.changedLots, (l) => l.state),
      col(w.members, (m) => m.id),
      col(w.members, (m) => m.available),
      col(w.members, (m) => m.pending),
      col(w.members, (m) => m.tierCode),
      col(w.members, (m) => m.at),
      col(w.tierChanges, (t) => t.memberId),
      col(w.tierChanges, (t) => t.id),
      col(w.tierChanges, (t) => t.from),
      col(w.tierChanges, (t) => t.to),
      col(w.tierChanges, (t) => t.reason),
      col(w.tierChanges, (t) => t.value),
      col(w.tierChanges, (t) => t.at),
      col(w.receipts, (r) => r.rulesVersion),
      col(w.lines, (l) => l.brand),
    ],
  );
  return row?.inserted ?? 0;
}
