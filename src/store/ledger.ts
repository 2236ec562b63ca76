import { changedLots, createdLots, type LedgerDraft, type Lot } from '../domain/ledger.ts';
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
  kind: 'receipt' | 'return' | 'cancel' | 'adjustment' | 'activation' | 'expiry';
  receiptId?: string | null;
  returnId?: string | null;
  reason?: string | null;
  actor?: string | null;
  at: Date;
}

/**
 * Writes a draft in one round trip: the journal entry, its postings, new and changed lots, and the member's
 * cached balances.
 */
export async function writeDraft(db: Queryable, programId: string, memberId: string, entry: EntryMeta, draft: LedgerDraft): Promise<void> {
  if (draft.postings.length === 0) return;
  const sum = draft.postings.reduce((a, p) => a + p.amount, 0);
  if (sum !== 0) throw new Error(`ledger: entry ${entry.id} does not balance (${sum})`);
  const created = createdLots(draft);
  const changed = changedLots(draft);
  await db.query(
    `with entry as (
       insert into journal_entries (program_id, id, member_id, kind, receipt_id, return_id, reason, actor, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)),
     posting as (
       insert into postings (program_id, entry_id, seq, member_id, account, lot_id, amount, created_at)
       select $1, $2, p.seq, $3, p.account, p.lot_id, p.amount, $9
       from unnest($10::int[], $11::text[], $12::text[], $13::bigint[]) as p(seq, account, lot_id, amount)),
     new_lot as (
       insert into lots (program_id, member_id, id, entry_id, amount, remaining, state, activates_at, expires_at, created_at)
       select $1, $3, l.id, $2, l.amount, l.remaining, l.state, l.activates_at, l.expires_at, $9
       from unnest($14::text[], $15::bigint[], $16::bigint[], $17::text[], $18::timestamptz[], $19::timestamptz[])
         as l(id, amount, remaining, state, activates_at, expires_at)),
     changed_lot as (
       update lots set remaining = c.remaining, state = c.state
       from unnest($20::text[], $21::bigint[], $22::text[]) as c(id, remaining, state)
       where lots.program_id = $1 and lots.member_id = $3 and lots.id = c.id)
     update members set points_available = $23, points_pending = $24, updated_at = $9 where program_id = $1 and id = $3`,
    [
      programId,
      entry.id,
      memberId,
      entry.kind,
      entry.receiptId ?? null,
      entry.returnId ?? null,
      entry.reason ?? null,
      entry.actor ?? null,
      entry.at,
      draft.postings.map((_, i) => i + 1),
      draft.postings.map((p) => p.account),
      draft.postings.map((p) => p.lotId),
      draft.postings.map((p) => p.amount),
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
    ],
  );
}

export interface BalanceView {
  available: number;
  pending: number;
  expiringSoon: number;
  nextExpiry: { points: number; at: Date } | null;
  debt: number;
}

/** The member's balance as a person reads it; `expiringSoon` covers the next 30 days. */
export async function balanceView(db: Queryable, programId: string, memberId: string, now: Date): Promise<BalanceView> {
  const [row] = await db.query<{ available: number; pending: number; active: number; soon: number; next_at: Date | null }>(
    `select m.points_available as available, m.points_pending as pending,
       coalesce(sum(l.remaining) filter (where l.state = 'active'), 0) as active,
       coalesce(sum(l.remaining) filter (where l.state = 'active' and l.expires_at <= $3::timestamptz + interval '30 days'), 0) as soon,
       min(l.expires_at) filter (where l.state = 'active') as next_at
     from members m left join lots l on l.program_id = m.program_id and l.member_id = m.id and l.remaining > 0
     where m.program_id = $1 and m.id = $2 group by m.points_available, m.points_pending`,
    [programId, memberId, now],
  );
  if (!row) return { available: 0, pending: 0, expiringSoon: 0, nextExpiry: null, debt: 0 };
  let nextExpiry: BalanceView['nextExpiry'] = null;
  if (row.next_at) {
    const [next] = await db.query<{ points: number }>(
      `select sum(remaining) as points from lots where program_id = $1 and member_id = $2 and state = 'active' and expires_at = $3`,
      [programId, memberId, row.next_at],
    );
    nextExpiry = { points: next?.points ?? 0, at: row.next_at };
  }
  return { available: row.available, pending: row.pending, expiringSoon: row.soon, nextExpiry, debt: row.active - row.available };
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
       coalesce(sum(p.amount) filter (where p.account = 'member:available'), 0) as available,
       coalesce(sum(p.amount) filter (where p.account = 'member:pending'), 0) as pending
     from journal_entries e join postings p on p.program_id = e.program_id and p.entry_id = e.id
     where e.program_id = $1 and e.member_id = $2 and ($3::text is null or e.id < $3)
     group by e.program_id, e.id order by e.id desc limit $4`,
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
