import { expiryTime } from '../domain/expiry.ts';
import { credit, openDraft, spend } from '../domain/ledger.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { writeDraft } from '../store/ledger.ts';
import { balanceAfter, type Balance } from './balance.ts';
import { loadSettings } from '../store/programs.ts';
import { recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { settleLots } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { memberToChange } from './personal-data.ts';
import { idempotent } from './transaction.ts';

export interface AdjustmentInput {
  /** Positive credits points (they expire by the programme's policy), negative debits available points. */
  points: number;
  reason: string;
}

/** A staff correction: a new posting with a mandatory reason and the actor, never an edit of history. */
export async function adjustPoints(
  deps: Deps,
  programId: string,
  memberId: string,
  input: AdjustmentInput,
  actor: string,
  key?: string,
): Promise<Outcome<{ entryId: string; points: number; balance: Balance }>> {
  return idempotent(deps.db, programId, key, { memberId, ...input }, async (tx) => {
    const now = deps.now();
    const found = await memberToChange(tx, programId, memberId);
    if (!found.ok) return found;
    const member = found.value;
    const { settings } = await loadSettings(tx, programId);
    const ledger = await settleLots(tx, programId, memberId, { available: member.pointsAvailable, pending: member.pointsPending }, now);
    const draft = openDraft(ledger.balance, ledger.lots);
    if (input.points > 0) {
      credit(draft, input.points, { id: newId('lot'), activatesAt: now, expiresAt: expiryTime(settings, now) }, 'program:adjustment', now);
    } else {
      if (-input.points > ledger.balance.available)
        return fail('insufficient_points', `the member has ${Math.max(0, ledger.balance.available)} points available`);
      spend(draft, -input.points, 'program:adjustment');
    }
    const entryId = newId('ent');
    await writeDraft(tx, programId, memberId, { id: entryId, kind: 'adjustment', reason: input.reason, actor, at: now }, draft);
    const balance = balanceAfter(draft, now);
    // Staff-side changes of a member are in the audit trail too, with the balance before and after.
    await recordAudit(tx, programId, {
      id: newId('aud'),
      actor,
      action: 'adjust',
      entity: 'member',
      entityId: memberId,
      before: { available: ledger.balance.available, pending: ledger.balance.pending },
      after: { available: balance.available, pending: balance.pending, points: input.points, reason: input.reason, entryId },
      at: now,
    });
    await recordEvents(tx, programId, [newEvent('points.adjusted', now, { memberId, points: input.points, reason: input.reason, available: balance.available })]);
    return ok({ entryId, points: input.points, balance });
  });
}
