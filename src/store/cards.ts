import type { Queryable } from './db.ts';

export interface Card {
  number: string;
  memberId: string;
  kind: 'virtual' | 'physical';
  status: 'inactive' | 'active' | 'blocked';
  blockReason: string | null;
  replacedBy: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  blockedAt: Date | null;
}

type Row = {
  number: string;
  member_id: string;
  kind: Card['kind'];
  status: Card['status'];
  block_reason: string | null;
  replaced_by: string | null;
  created_at: Date;
  activated_at: Date | null;
  blocked_at: Date | null;
};
const columns = 'number, member_id, kind, status, block_reason, replaced_by, created_at, activated_at, blocked_at';
const toCard = (r: Row): Card => ({
  number: r.number,
  memberId: r.member_id,
  kind: r.kind,
  status: r.status,
  blockReason: r.block_reason,
  replacedBy: r.replaced_by,
  createdAt: r.created_at,
  activatedAt: r.activated_at,
  blockedAt: r.blocked_at,
});

/** Inserts a card unless the number is taken; returns null when it is. */
export async function insertCard(
  db: Queryable,
  programId: string,
  card: { number: string; memberId: string; kind: Card['kind']; active: boolean; now: Date },
): Promise<Card | null> {
  const [row] = await db.query<Row>(
    `insert into cards (program_id, number, member_id, kind, status, created_at, activated_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning ${columns}`,
    [programId, card.number, card.memberId, card.kind, card.active ? 'active' : 'inactive', card.now, card.active ? card.now : null],
  );
  return row ? toCard(row) : null;
}

export async function findCard(db: Queryable, programId: string, number: string): Promise<Card | null> {
  const [row] = await db.query<Row>(`select ${columns} from cards where program_id = $1 and number = $2`, [programId, number]);
  return row ? toCard(row) : null;
}

export async function memberCards(db: Queryable, programId: string, memberId: string): Promise<Card[]> {
  const rows = await db.query<Row>(`select ${columns} from cards where program_id = $1 and member_id = $2 order by created_at, number`, [
    programId,
    memberId,
  ]);
  return rows.map(toCard);
}

export async function activateCard(db: Queryable, programId: string, number: string, now: Date): Promise<void> {
  await db.query(`update cards set status = 'active', activated_at = $3 where program_id = $1 and number = $2 and status = 'inactive'`, [
    programId,
    number,
    now,
  ]);
}

export async function blockCard(
  db: Queryable,
  programId: string,
  number: string,
  block: { reason: string; replacedBy: string | null; now: Date },
): Promise<Card> {
  const [row] = await db.query<Row>(
    `update cards set status = 'blocked', block_reason = $3, replaced_by = $4, blocked_at = $5
     where program_id = $1 and number = $2 returning ${columns}`,
    [programId, number, block.reason, block.replacedBy, block.now],
  );
  return toCard(row as Row);
}
