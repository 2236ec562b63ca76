import { catchUpEvents } from '../domain/events.ts';
import { catchUp, type Lot } from '../domain/ledger.ts';
import type { Queryable } from '../store/db.ts';
import { recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { openLots, writeDraft } from '../store/ledger.ts';

export interface MemberLedger {
  balance: { available: number; pending: number };
  lots: Lot[];
}

/**
 * Brings a locked member's lots up to `now`: pending lots whose return window is over become available,
 * then lots past their expiry expire. Each step is its own journal entry. Returns the settled ledger.
 * With `write` false nothing is written: a calculation sees the balance a confirmation would.
 */
export async function settleLots(
  tx: Queryable,
  programId: string,
  memberId: string,
  balance: { available: number; pending: number },
  now: Date,
  alsoLotIds: string[] = [],
  write = true,
): Promise<MemberLedger> {
  return settle(tx, programId, memberId, { balance, lots: await openLots(tx, programId, memberId, alsoLotIds) }, now, write);
}

/** `settleLots` for lots already read. */
export async function settle(tx: Queryable, programId: string, memberId: string, ledger: MemberLedger, now: Date, write = true): Promise<MemberLedger> {
  const steps = catchUp(ledger.balance, ledger.lots, now);
  if (write) {
    for (const { kind, draft } of steps) await writeDraft(tx, programId, memberId, { id: newId('ent'), kind, at: now }, draft);
    await recordEvents(tx, programId, catchUpEvents(memberId, ledger.balance, steps, now, () => newId('evt')));
  }
  const last = steps[steps.length - 1]?.draft;
  return last ? { balance: { available: last.available, pending: last.pending }, lots: [...last.lots.values()] } : ledger;
}
