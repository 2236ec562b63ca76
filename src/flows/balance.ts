import { nextExpiry, openDraft, summarise, type BalanceSummary, type LedgerDraft } from '../domain/ledger.ts';
import { openLots } from '../store/ledger.ts';
import { findMember } from '../store/members.ts';
import type { Deps } from './deps.ts';
import { settle } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';

export interface Balance extends BalanceSummary {
  nextExpiry: { points: number; at: Date } | null;
}

/**
 * The balance as of now, as a till or the member would see it: points whose return window has ended count as
 * available and expired points are gone, even before the scheduled jobs have written that down. Reads only.
 */
export async function currentBalance(deps: Deps, programId: string, memberId: string): Promise<Outcome<Balance>> {
  const member = await findMember(deps.db, programId, { id: memberId });
  if (!member) return fail('member_not_found', `no member ${memberId}`);
  const now = deps.now();
  const lots = await openLots(deps.db, programId, memberId);
  const settled = await settle(deps.db, programId, memberId, { balance: { available: member.pointsAvailable, pending: member.pointsPending }, lots }, now, false);
  return ok(balanceAfter(openDraft(settled.balance, settled.lots), now));
}

/** The balance a draft leaves the member with, as the balance endpoint shows it. */
export const balanceAfter = (draft: LedgerDraft, now: Date): Balance => ({ ...summarise(draft, now), nextExpiry: nextExpiry(draft) });
