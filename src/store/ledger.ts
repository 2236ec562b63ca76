import { changedLots, createdLots, type Account, type LedgerDraft, type Lot, type Posting } from '../domain/ledger.ts';
import type { Queryable } from './db.ts';

type LotRow = {
  id: string;
  state: Lot['state'];
  amount: number;
  remaining: number;
  activates_at: Date;
  expires_at: Date | null;
  created_at: Date;
};
const toLot = (r: LotRow): Lot => ({
  id: r.id,
  state: r.state,
  amount: r.amount,
  remaining: r.remaining,
  activatesAt: r.activates_at,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

export type LotJson = Omit<Lot, 'activatesAt' | 'expiresAt' | 'createdAt'> & { memberId: string; activatesAt: string; expiresAt: string | null; createdAt: string };

export const lotFromJson = (l: LotJson): Lot => ({
  id: l.id,
  state: l.state,
  amount: l.amount,
  remaining: l.remaining,
  activatesAt: new Date(l.activatesAt),
  expiresAt: l.expiresAt ? new Date(l.expiresAt) : null,
  createdAt: new Date(l.createdAt),
});

/** Lots that still hold points, plus `alsoLotIds` (a receipt's own lot, needed for a return even when spent). */
export async function openLots(db: Queryable, programId: string, memberId: string, alsoLotIds: string[] = []): Promise<Lot[]> {
  const rows = await db.query<LotRow>(
    `select id, state, amount, remaining, activates_at, expires_at, created_at from lots
     where program_id = $1 and member_id = $2 and (remaining > 0 or id = any($3::text[]))`,
    [programId, memberId, alsoLotIds],
  );
  return rows.map(toLot);
}

export interface EntryMeta {
  id: string;
  kind: 'receipt' | 'return' | 'cancel' | 'adjustment' | 'activation' | 'expiry' | 'action' | 'referral';
  receiptId?: string | null;
  returnId?: string | null;
  reason?: string | null;
  actor?: string | null;
  /** The partner whose store the points moved at (a receipt's, a return's). */
  partner?: string | null;
  at: Date;
}

/**
 * The statements that write a draft — the journal entry with its postings, new and changed lots, the member's cached
 * balances — as CTEs to put in front of one query. `$1` is the programme; the draft's own parameters start at
 * `$first` (see `draftParams`). With `guard`, nothing is written unless that CTE returned a row.
 */
export function draftCtes(first: number, guard: string | null = null): string {
  const $ = (i: number) => `$${first + i}`;
  const from = guard ? `from ${guard}, ` : 'from ';
  const when = guard ? `where exists (select 1 from ${guard})` : '';
  return `entry as (
       insert into journal_entries (program_id, id, member_id, kind, receipt_id, return_id, reason, actor, created_at, partner_code, postings)
       select $1, ${$(1)}, ${$(0)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}, ${$(20)}, ${$(8)}::json ${when}),
     new_lot as (
       insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
       select $1, ${$(0)}, l.id, ${$(1)}, l.amount, l.remaining, l.state, l.activates_at, l.expires_at, ${$(7)}
       ${from}unnest(${$(9)}::text[], ${$(10)}::bigint[], ${$(11)}::bigint[], ${$(12)}::text[], ${$(13)}::timestamptz[],
         ${$(14)}::timestamptz[]) as l(id, amount, remaining, state, activates_at, expires_at)),
     changed_lot as (
       update lots set remaining = c.remaining, state = c.state
       ${from}unnest(${$(15)}::text[], ${$(16)}::bigint[], ${$(17)}::text[]) as c(id, remaining, state)
       where lots.program_id = $1 and lots.member_id = ${$(0)} and lots.id = c.id),
     balance as (
       update members set points_available = ${$(18)}, points_pending = ${$(19)}, updated_at = ${$(7)}
       where program_id = $1 and id = ${$(0)} ${guard ? `and exists (select 1 from ${guard})` : ''})`;
}

/**
 * The accounts in the order their numbers follow: a posting keeps its account's number, and the view postings
 * (migrations/025_posting_accounts.sql, which lists them in this order) shows the name.
 */
export const accounts = [
  'member:available',
  'member:pending',
  'program:issuance',
  'program:redemption',
  'program:expiry',
  'program:adjustment',
  'program:referral',
] as const satisfies readonly Account[];
// Every account has a number: a new one must be added at the end above (and to the view).
const everyAccount: Exclude<Account, (typeof accounts)[number]> extends never ? true : never = true;
void everyAccount;
export const accountNumber = (account: Account) => accounts.indexOf(account);

/** A journal entry's postings as its row keeps them: [account's number, lot id or null, amount] each, in order. */
export const postingValues = (postings: readonly Posting[]): [number, string | null, number][] =>
  postings.map((p) => [accountNumber(p.account), p.lotId, p.amount]);

/** The 21 parameters `draftCtes` refers to, in order. Throws if the draft does not balance. */
export function draftParams(memberId: string, entry: EntryMeta, draft: LedgerDraft): unknown[] {
  const sum = draft.postings.reduce((a, p) => a + p.amount, 0);
  if (sum !== 0) throw new Error(`ledger: entry ${entry.id} does not balance (${sum})`);
  const created = createdLots(draft);
  const changed = changedLots(draft);
  return [
    memberId,
    entry.id,
    entry.kind,
    entry.receiptId ?? null,
    entry.returnId ?? null,
    entry.reason ?? null,
    entry.actor ?? null,
    entry.at,
    JSON.stringify(postingValues(draft.postings)),
    created.map((l) => l.id),
    created.map((l) => l.amount),
    created.map((l) => l.remaining),
    created.map((l) => l.state),
    created.map((l) => l.activatesAt),
    created.map((l) => l.expiresAt),
    changed.map((l) => l.id),
    changed.map((l) => l.remaining),
    changed.map((l) => l.state),
    draft.available,
    draft.pending,
    entry.partner ?? null,
  ];
}

/** Writes a draft as one journal entry, in one round trip. */
export async function writeDraft(db: Queryable, programId: string, memberId: string, entry: EntryMeta, draft: LedgerDraft): Promise<void> {
  if (draft.postings.length === 0) return;
  await db.query(`with ${draftCtes(2)} select 1`, [programId, ...draftParams(memberId, entry, draft)]);
}

export interface HistoryItem {
  id: string;
  kind: EntryMeta['kind'];
  at: Date;
  receiptId: string | null;
  returnId: string | null;
  reason: string | null;
  actor: string | null;
  available: number;
  pending: number;
}

/** Newest first; `before` is the cursor (an entry id) from the previous page. */
export async function history(db: Queryable, programId: string, memberId: string, before: string | null, limit: number): Promise<HistoryItem[]> {
  const rows = await db.query<{
    id: string;
    kind: EntryMeta['kind'];
    created_at: Date;
    receipt_id: string | null;
    return_id: string | null;
    reason: string | null;
    actor: string | null;
    available: number;
    pending: number;
  }>(
    `select e.id, e.kind, e.created_at, e.receipt_id, e.return_id, e.reason, e.actor,
       p.available, p.pending
     from journal_entries e cross join lateral (
       select coalesce(sum((v->>2)::bigint) filter (where v->>0 = '${accountNumber('member:available')}'), 0) as available,
         coalesce(sum((v->>2)::bigint) filter (where v->>0 = '${accountNumber('member:pending')}'), 0) as pending
       from json_array_elements(e.postings) v) p
     where e.program_id = $1 and e.member_id = $2 and ($3::text is null or e.id < $3)
     order by e.id desc limit $4`,
    [programId, memberId, before, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.created_at,
    receiptId: r.receipt_id,
    returnId: r.return_id,
    reason: r.reason,
    actor: r.actor,
    available: r.available,
    pending: r.pending,
  }));
}

/** The lots a member still holds, soonest to expire first (then never-expiring), with how each was earned. */
export async function memberLots(db: Queryable, programId: string, memberId: string) {
  const rows = await db.query<LotRow & { kind: EntryMeta['kind']; receipt_id: string | null; reason: string | null }>(
    `select l.id, l.state, l.amount, l.remaining, l.activates_at, l.expires_at, l.created_at, e.kind, e.receipt_id, e.reason
     from lots l join journal_entries e on e.program_id = l.program_id and e.id = l.entry_id
     where l.program_id = $1 and l.member_id = $2 and l.remaining > 0
     order by l.expires_at nulls last, l.id`,
    [programId, memberId],
  );
  return rows.map((r) => ({ ...toLot(r), source: r.kind, receiptId: r.receipt_id, reason: r.reason }));
}
